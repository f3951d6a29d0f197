// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import Store

/// The `--data DIR` option shared by every command that uses the state folder.
struct DataOptions: ParsableArguments {
    /// The folder named by `--data`, or `nil` to use the environment or the default.
    @Option(
        name: .customLong("data"),
        help: ArgumentHelp(
            "State folder holding switchboard.sqlite and the control socket (default: $SWITCHBOARD_DATA, else ./var).",
            valueName: "dir"
        )
    )
    var directory: String?

    /// The default folder when neither `--data` nor `SWITCHBOARD_DATA` is given.
    static let defaultDirectory = "./var"

    func validate() throws {
        if directory?.isEmpty == true {
            throw ValidationError("--data needs a folder path; omit it to use $SWITCHBOARD_DATA or ./var")
        }
    }

    /// The state folder: `--data`, else a non-empty `$SWITCHBOARD_DATA`, else `./var`.
    var location: StoreLocation {
        let environment = ProcessInfo.processInfo.environment["SWITCHBOARD_DATA"].flatMap { $0.isEmpty ? nil : $0 }
        return StoreLocation(directory: directory ?? environment ?? Self.defaultDirectory)
    }
}
