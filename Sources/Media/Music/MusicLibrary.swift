// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Music classes and prompts from the sounds folder (`--sounds`), each loaded and encoded once
/// per codec and kept in memory for every call that plays it.
///
/// A name is a path relative to the sounds folder, with or without `.wav`: a file, or a folder
/// whose `.wav` files play in turn, in name order. Safe to use from any thread.
public final class MusicLibrary: Sendable {
    private struct Key: Hashable {
        let path: String
        let codec: AudioCodec
    }

    /// The sounds folder.
    public let soundsFolder: String
    private let cache = NIOLockedValueBox<[Key: MusicSource]>([:])

    /// A library over the folder at `soundsFolder`; nothing is read until a source is asked for.
    public init(soundsFolder: String) {
        self.soundsFolder = soundsFolder.hasSuffix("/") ? String(soundsFolder.dropLast()) : soundsFolder
    }

    /// The sound `name` encoded for `codec`, from memory or else read from disk now.
    ///
    /// Reading and encoding a file blocks: call this off the event loops, or use
    /// ``loadSource(named:codec:on:)``.
    public func source(named name: String, codec: AudioCodec) throws(MusicSourceError) -> MusicSource {
        let key = Key(path: try resolve(name), codec: codec)
        if let cached = cache.withLockedValue({ $0[key] }) {
            return cached
        }
        let loaded = try MusicSource(name: name, pieces: try readPieces(at: key.path), codec: codec)
        // Two threads may have loaded the same sound at once; keep the first so all calls share it.
        return cache.withLockedValue { cache in
            if let first = cache[key] { return first }
            cache[key] = loaded
            return loaded
        }
    }

    /// ``source(named:codec:)`` run on NIO's shared thread pool, completing on `eventLoop`.
    public func loadSource(named name: String, codec: AudioCodec, on eventLoop: any EventLoop)
        -> EventLoopFuture<MusicSource>
    {
        NIOThreadPool.singleton.runIfActive(eventLoop: eventLoop) {
            try self.source(named: name, codec: codec)
        }
    }

    /// How many (sound, codec) pairs are held in memory.
    public var cachedSourceCount: Int {
        cache.withLockedValue { $0.count }
    }

    /// Forgets every cached source, so the next request reads the files again (after the
    /// sounds changed, e.g. on reload). Calls already playing keep the source they have.
    public func removeAll() {
        cache.withLockedValue { $0.removeAll() }
    }

    /// The path of `name`: as written when it exists, else with `.wav`.
    private func resolve(_ name: String) throws(MusicSourceError) -> String {
        guard !name.split(separator: "/").contains("..") else { throw .outsideSoundsFolder(name: name) }
        let base = soundsFolder + "/" + name
        for candidate in [base, base + ".wav"] where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        throw .notFound(name: name)
    }

    /// The audio of the file at `path`, or of each `.wav` file in the folder at `path`.
    private func readPieces(at path: String) throws(MusicSourceError) -> [WAVFile] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return [try read(path)]
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = entries.filter { !$0.hasPrefix(".") && $0.lowercased().hasSuffix(".wav") }.sorted()
        var pieces = [WAVFile]()
        for file in files {
            pieces.append(try read(path + "/" + file))
        }
        return pieces
    }

    private func read(_ path: String) throws(MusicSourceError) -> WAVFile {
        do {
            return try WAVFile(contentsOfFile: path)
        } catch {
            throw .invalidFile(path: path, error)
        }
    }
}
