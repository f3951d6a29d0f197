// SPDX-License-Identifier: Apache-2.0

/// Why music or a prompt cannot be loaded.
public enum MusicSourceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No file or folder of that name (with or without `.wav`) in the sounds folder.
    case notFound(name: String)
    /// The name climbs out of the sounds folder with `..`.
    case outsideSoundsFolder(name: String)
    /// A folder without a `.wav` file, or files without a single sample.
    case noAudio(name: String)
    /// A file that is not usable 16-bit PCM WAV.
    case invalidFile(path: String, WAVError)
    /// Sample-rate conversion failed.
    case resampling(name: String, AudioResampler.Failure)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case .notFound(let name):
            return "no sound '\(name)' (nor '\(name).wav') in the sounds folder"
        case .outsideSoundsFolder(let name):
            return "sound name '\(name)' leaves the sounds folder"
        case .noAudio(let name):
            return "sound '\(name)' holds no audio: add 16-bit PCM .wav files"
        case .invalidFile(let path, let error):
            return "\(path): \(error)"
        case .resampling(let name, let error):
            return "sound '\(name)': \(error)"
        }
    }
}
