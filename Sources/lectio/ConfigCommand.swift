import ArgumentParser
import Foundation
import LectioCore
import LectioConfig

/// `lectio config`: the config file — print a commented default one, or check one.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print a commented default config file, or check one.",
        discussion: """
            The config file is $XDG_CONFIG_HOME/lectio/config.toml (else \
            ~/.config/lectio/config.toml). --check prints each problem as FILE:LINE: message on \
            standard error and exits 1 if there is any.
            """)

    @Flag(name: .customLong("print-default"), help: "Write a commented config file with every default on standard output.")
    var printDefault = false

    @Flag(help: "Check a config file (default: the one in use) and exit 1 on any problem.")
    var check = false

    @Argument(help: "The config file to check (with --check).", completion: .file(extensions: ["toml"]))
    var file: String?

    func validate() throws {
        if printDefault == check { throw ValidationError("say --print-default or --check [FILE]") }
        if printDefault && file != nil { throw ValidationError("--print-default takes no FILE") }
    }

    func run() throws {
        if printDefault {
            say(DefaultConfig.text(), terminator: "")
            return
        }
        let path = file ?? Config.path()
        if file != nil, !FileManager.default.fileExists(atPath: path) {
            complain("\(path): no such file")
            throw ExitCode(1)
        }
        let config = Config.load(path: path)
        // FILE:LINE: message, as compilers write it, for editors to jump to.
        for problem in config.problems { FileHandle.standardError.write(Data((VisibleText.sanitized(problem.description) + "\n").utf8)) }
        if !config.problems.isEmpty { throw ExitCode(1) }
        say(FileManager.default.fileExists(atPath: path) ? "\(path): no problems" : "\(path): no config file; the defaults are used")
    }
}
