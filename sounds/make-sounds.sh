#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Rebuilds every file in this folder from nothing: sox synthesises the music, espeak-ng
# speaks the prompts, and sox converts both to 8 kHz mono 16-bit PCM WAV.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One plucked chord, 2.5 s, strummed (each string 40 ms after the one before).
chord() {
    sox -n -r 8000 -c 1 -b 16 "$work/$1.wav" synth 2.5 \
        pluck "$2" pluck "$3" pluck "$4" pluck "$5" \
        delay 0 0.04 0.08 0.12 remix - fade 0 2.5 0.3 norm -6
}
chord 1 C3 G3 C4 E4
chord 2 A2 E3 A3 C4
chord 3 F2 C3 F3 A3
chord 4 G2 D3 G3 B3
chord 5 C3 G3 C4 E4
chord 6 E2 B2 E3 G3
chord 7 F2 C3 F3 A3
chord 8 G2 D3 G3 D4
mkdir -p moh/default
sox "$work"/1.wav "$work"/2.wav "$work"/3.wav "$work"/4.wav \
    "$work"/5.wav "$work"/6.wav "$work"/7.wav "$work"/8.wav \
    -r 8000 -c 1 -b 16 moh/default/chords.wav reverb 40 norm -3

# A spoken prompt: espeak-ng writes 22.05 kHz; sox resamples to 8 kHz.
prompt() {
    espeak-ng -v en-gb -s 150 -w "$work/speech.wav" "$2"
    sox "$work/speech.wav" -r 8000 -c 1 -b 16 "prompts/$1.wav" norm -3
}
mkdir -p prompts
for n in 1 2 3 4 5; do
    case $n in 1) word=one ;; 2) word=two ;; 3) word=three ;; 4) word=four ;; 5) word=five ;; esac
    prompt "queue-position-$n" "You are caller number $word in the queue."
done
# Position prompts for answered queue callers: "You are caller number" and one file per digit.
prompt queue-caller-number "You are caller number"
mkdir -p prompts/digits
for n in 0 1 2 3 4 5 6 7 8 9; do
    prompt "digits/$n" "$n"
done
prompt queue-please-hold "Please hold. Your call will be answered shortly."
prompt closed "Thank you for calling. The office is closed. Please call again during office hours."
prompt holiday "Thank you for calling. The office is closed for the holiday. Please call again on the next working day."
prompt unavailable "The number you have dialled is not available. Please try again later."
