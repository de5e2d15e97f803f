import Foundation

/// Reads Prisma `model` blocks: scalar and enum fields become columns (`@map` honoured), `@@map` names the table,
/// relation fields are not columns.
package enum PrismaSchemaReader {
    private static let scalarTypes: Set<String> = [
        "String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes", "Unsupported",
    ]

    /// The tables a `.prisma` file declares.
    package static func operations(_ text: String, file: String) -> [SchemaOperation] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var enums: Set<String> = []
        for line in lines where line.hasPrefix("enum ") {
            if let name = line.dropFirst(5).split(separator: " ").first { enums.insert(String(name)) }
        }
        var result: [SchemaOperation] = []
        var model: (name: String, line: Int, columns: [SchemaColumn], table: String?)?
        for (offset, line) in lines.enumerated() {
            if line.hasPrefix("model "), let name = line.dropFirst(6).split(separator: " ").first {
                model = (String(name).trimmingCharacters(in: CharacterSet(charactersIn: "{")), offset + 1, [], nil)
                continue
            }
            guard var current = model else { continue }
            if line.hasPrefix("}") {
                result.append(
                    SchemaOperation(
                        .createTable(current.table ?? current.name, current.columns), file: file, line: current.line))
                model = nil
                continue
            }
            if line.hasPrefix("@@map(") {
                current.table = mapped(line)
            } else if !line.hasPrefix("@@"), !line.hasPrefix("//"), !line.isEmpty {
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                if parts.count >= 2 {
                    let type = String(parts[1].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                    let isList = parts[1].hasSuffix("[]")
                    if !isList, scalarTypes.contains(type) || enums.contains(type), !line.contains("@relation") {
                        let name = line.range(of: "@map(").flatMap { _ in mapped(line) } ?? String(parts[0])
                        current.columns.append(SchemaColumn(name: name, type: prismaType(type)))
                    }
                }
            }
            model = current
        }
        return result
    }

    private static func mapped(_ line: String) -> String? {
        guard let open = line.range(of: "map(") else { return nil }
        let rest = line[open.upperBound...]
        let inside = rest.drop { $0 == "\"" || $0 == " " }.prefix { $0 != "\"" }
        return inside.isEmpty ? nil : String(inside)
    }

    private static func prismaType(_ type: String) -> String {
        switch type {
        case "Int": "integer"
        case "BigInt": "bigint"
        case "Float": "double precision"
        case "Decimal": "numeric"
        case "Boolean": "boolean"
        case "DateTime": "timestamp"
        case "Json": "jsonb"
        case "Bytes": "bytea"
        default: "text"
        }
    }
}
