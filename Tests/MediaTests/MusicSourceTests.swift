// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOPosix
import Testing

@testable import Media

@Suite("Music sources and the library of the sounds folder")
struct MusicSourceTests {
    /// The repository's own sounds folder.
    static let shippedSounds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sounds").path

    @Test("audio is cut into 160-byte frames of 20 ms, the last one padded with silence")
    func frames() throws {
        let samples = [Int16](repeating: 1_000, count: 170)
        let source = try MusicSource(name: "t", pieces: [WAVFile(sampleRate: 8_000, samples: samples)], codec: .pcmu)
        #expect(source.samplesPerFrame == 160)
        #expect(source.frames.count == 2)
        #expect(source.frames.allSatisfy { $0.readableBytes == 160 })
        #expect(Array(source.frames[1].readableBytesView.prefix(10)) == [UInt8](repeating: 0xCE, count: 10))
        #expect(Array(source.frames[1].readableBytesView.suffix(150)) == [UInt8](repeating: 0xFF, count: 150))
        #expect(source.duration == .milliseconds(40))
    }

    @Test("pieces play in order, each from a fresh frame, resampled to 8 kHz")
    func pieces() throws {
        let first = WAVFile(sampleRate: 8_000, samples: [Int16](repeating: -1_000, count: 80))
        let second = WAVFile(sampleRate: 16_000, samples: [Int16](repeating: 0, count: 640))
        let source = try MusicSource(name: "t", pieces: [first, second], codec: .pcma)
        #expect(source.frames.count == 3)
        #expect(source.frames[0].getInteger(at: 0, as: UInt8.self) == G711.aLaw(-1_000))
        #expect(source.frames[1].readableBytesView.allSatisfy { $0 == 0xD5 })
    }

    @Test("no samples at all is an error, not a silent stream")
    func empty() {
        #expect(throws: MusicSourceError.noAudio(name: "nothing")) {
            try MusicSource(name: "nothing", pieces: [WAVFile(sampleRate: 8_000, samples: [])], codec: .pcmu)
        }
    }

    @Test("the shipped music class and prompts load, and each is encoded once per codec")
    func shippedSounds() throws {
        let library = MusicLibrary(soundsFolder: Self.shippedSounds)
        let music = try library.source(named: "moh/default", codec: .pcmu)
        #expect(music.duration >= .seconds(10))
        #expect(try library.source(named: "moh/default", codec: .pcmu) === music)
        #expect(try library.source(named: "moh/default", codec: .pcma) !== music)
        for prompt in ["closed", "holiday", "queue-please-hold"] + (1...5).map({ "queue-position-\($0)" }) {
            #expect(try library.source(named: "prompts/\(prompt)", codec: .pcma).duration >= .seconds(1))
        }
        #expect(library.cachedSourceCount == 10)
        library.removeAll()
        #expect(library.cachedSourceCount == 0)
        #expect(try library.source(named: "moh/default", codec: .pcmu) !== music)
    }

    @Test("a folder's wav files play in name order; other files are ignored")
    func folder() throws {
        let folder = try TemporarySoundsFolder()
        try folder.write("music/b.wav", WAVBuilder().build(samples: [Int16](repeating: 1_000, count: 160)))
        try folder.write("music/a.wav", WAVBuilder().build(samples: [Int16](repeating: -1_000, count: 160)))
        try folder.write("music/notes.txt", Array("not audio".utf8))
        let source = try MusicLibrary(soundsFolder: folder.path).source(named: "music", codec: .pcmu)
        #expect(source.frames.map { $0.getInteger(at: 0, as: UInt8.self) } == [0x4E, 0xCE])
    }

    @Test("missing, escaping, empty and broken sounds fail with the name")
    func failures() throws {
        let folder = try TemporarySoundsFolder()
        try folder.write("empty/readme.txt", [])
        try folder.write("bad.wav", WAVBuilder(bitsPerSample: 8).build(data: [1, 2]))
        let library = MusicLibrary(soundsFolder: folder.path)
        #expect(throws: MusicSourceError.notFound(name: "nope")) { try library.source(named: "nope", codec: .pcmu) }
        #expect(throws: MusicSourceError.outsideSoundsFolder(name: "../etc/passwd")) {
            try library.source(named: "../etc/passwd", codec: .pcmu)
        }
        #expect(throws: MusicSourceError.noAudio(name: "empty")) { try library.source(named: "empty", codec: .pcmu) }
        #expect(throws: MusicSourceError.invalidFile(path: folder.path + "/bad.wav", .unsupportedBitsPerSample(8))) {
            try library.source(named: "bad", codec: .pcmu)
        }
    }

    @Test("loading on the thread pool completes on the given loop")
    func loadsOffTheLoop() async throws {
        let library = MusicLibrary(soundsFolder: Self.shippedSounds)
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let source = try await library.loadSource(named: "prompts/closed", codec: .pcmu, on: loop).get()
        #expect(source.codec == .pcmu)
    }
}

/// A sounds folder under the temporary directory, removed when the value is released.
final class TemporarySoundsFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "switchboard-sounds-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path + "/" + name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
