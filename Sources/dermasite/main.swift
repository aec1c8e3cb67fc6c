import ArgumentParser
import DermaSite
import Foundation

struct Dermasite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dermasite",
        abstract: "Build the leg-dermatome patient-education site.",
        discussion: "Exit status: 0 built, 1 content errors, 2 usage errors.",
        version: DermaSiteVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, ReviewCommand.self]
    )
}

/// Exit codes are part of the interface: 0 ok, 1 content errors, 2 usage errors.
func runCommandLine() async -> Never {
    do {
        var command = try Dermasite.parseAsRoot()
        if var serving = command as? any AsyncParsableCommand {
            try await serving.run()
        } else {
            try command.run()
        }
        exit(0)
    } catch let exit as ExitCode {
        Foundation.exit(exit.rawValue)
    } catch {
        let code = Dermasite.exitCode(for: error)
        let message = Dermasite.fullMessage(for: error)
        if code == .success {
            print(message)
            Foundation.exit(0)
        }
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(2)
    }
}

await runCommandLine()
