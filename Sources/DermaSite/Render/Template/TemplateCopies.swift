/// Copies that share no storage with the original: each worker of a parallel render gets its own
/// (PageRenderer.forWorker), so no reference count is written by two cores. A plain copy of an
/// array, a String or an enum case shares the original's storage and so its count.
extension TemplateNode {
    func copied() -> TemplateNode {
        switch self {
        case .text(let bytes): .text(bytes.copied())
        case .variable(let path, let escaped): .variable(path.copied(), escaped: escaped)
        case .section(let path, let nodes, let inverted): .section(path.copied(), nodes.copied(), inverted: inverted)
        case .partial(let name, let indentation, let overrides):
            .partial(name.copied(), indentation: indentation?.copied(),
                     overrides: overrides.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.copied(), $0.value.copied()) }) })
        case .block(let name, let defaultNodes, let indentation):
            .block(name.copied(), defaultNodes: defaultNodes.copied(), indentation: indentation.copied())
        case .escaping(let escaping): .escaping(escaping)
        }
    }
}

extension [TemplateNode] {
    func copied() -> [TemplateNode] { map { $0.copied() } }
}

extension TemplatePath {
    func copied() -> TemplatePath {
        switch self {
        case .current: .current
        case .fromCurrent(let names): .fromCurrent(names.map { $0.copied() })
        case .inStack(let first, let rest): .inStack(first: first.copied(), rest: rest.map { $0.copied() })
        }
    }
}

extension TemplateValue {
    func copied() -> TemplateValue {
        switch self {
        case .text(let text): .text(text.copied())
        case .flag, .number: self
        case .object(let object):
            .object(TemplateObject(Dictionary(uniqueKeysWithValues: object.values.map { ($0.key.copied(), $0.value.copied()) })))
        case .list(let items): .list(items.map { $0.copied() })
        case .names(let names): .names(Dictionary(uniqueKeysWithValues: names.map { ($0.key.copied(), $0.value.copied()) }))
        }
    }
}

extension [UInt8] {
    func copied() -> [UInt8] { withUnsafeBufferPointer { Array($0) } }
}

extension String {
    /// A String of up to 15 bytes is stored inline and has no count; a longer one gets new storage.
    func copied() -> String { String(decoding: Array(utf8), as: UTF8.self) }
}
