// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation

extension Switchboard {
    /// Exit status of a usage error (INTERFACE.md: "2 a usage error").
    static let usageErrorStatus: Int32 = 2

    /// Parses and runs the command line. Help and version print as usual; every error prints
    /// one `switchboard: error: ...` line on stderr and exits 2 for usage errors, 1 otherwise.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(reporting: error)
        }
    }

    /// Prints `error` as one line and exits with its status.
    static func exit(reporting error: any Error) -> Never {
        let code = exitCode(for: error)
        if code == .success || error is ExitCode {
            // Help, version, or an explicit exit status: nothing to shorten.
            exit(withError: error)
        }
        let firstLine = message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
        let isUsageError = code == .validationFailure
        let line = "switchboard: error: \(firstLine)" + (isUsageError ? " (see --help)" : "") + "\n"
        FileHandle.standardError.write(Data(line.utf8))
        // An ExitCode error ends the process with that status and prints nothing more.
        exit(withError: isUsageError ? ExitCode(usageErrorStatus) : code)
    }
}
