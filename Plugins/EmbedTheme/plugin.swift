import Foundation
import PackagePlugin

/// Builds the project's Templates/ into the tool, so an installed `dermasite` carries its default
/// theme and a site holds only the templates it changes; and the red flags `new site` starts from.
@main struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        // The red flags a new site starts from (`dermasite new site`): sourced emergency advice.
        let redFlags = context.package.directoryURL.appending(path: "Content/data/red-flags.yml")
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTheme.swift")
        var inputs: [URL] = [redFlags]
        if let walker = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: [.isRegularFileKey],
                                                       options: [.skipsHiddenFiles]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                inputs.append(url)
            }
        }
        return [.buildCommand(displayName: "Embed the default theme from Templates/",
                              executable: try context.tool(named: "EmbedThemeTool").url,
                              arguments: [output.path, "DefaultTheme=\(templates.path)", "StarterRedFlags=\(redFlags.path)"],
                              inputFiles: inputs, outputFiles: [output])]
    }
}
