/// Judges mocked modules against their code: JS/TS factory keys against exports, Python patch targets against
/// definitions, generated Go mocks against the interfaces they were generated from.
package struct ModuleCheck {
    private let files: RepositoryFiles
    private let resolver: JSModuleResolver
    private let python: PythonModuleIndex

    /// Indexes the repository.
    package init(files: RepositoryFiles) {
        self.files = files
        self.resolver = JSModuleResolver(files: files)
        self.python = PythonModuleIndex(files: files)
    }

    /// Judges claims into `report`.
    package func run(_ items: [ModuleItem], into report: inout RealityReport) {
        for item in items {
            let name = RepositoryFiles.fileName(item.file)
            if SourceFileKind.isJavaScript(name) {
                judgeJavaScript(item, into: &report)
            } else if name.hasSuffix(".py") {
                judgePython(item, into: &report)
            }
        }
    }

    private func judgeJavaScript(_ item: ModuleItem, into report: inout RealityReport) {
        guard !item.members.isEmpty else { return }
        guard let file = resolver.resolve(item.target, from: item.file) else {
            if resolver.isLocal(item.target) {
                report.notChecked.append(
                    NotChecked(
                        file: item.file, line: item.line, claim: item.target, reason: "cannot find the module file"))
            }
            return
        }
        var visited: Set<String> = []
        guard let exports = exports(of: file, visited: &visited) else {
            report.notChecked.append(
                NotChecked(
                    file: item.file, line: item.line, claim: item.target, reason: "\(file) exports are not static"))
            return
        }
        report.checkedClaims += 1
        report.sources.append(RealitySource(kind: "module", path: file))
        let ignored: Set<String> = ["__esModule", "default"]
        for member in item.members where !exports.contains(member) && !ignored.contains(member) {
            report.mismatches.append(
                Mismatch(
                    file: item.file, line: item.line, kind: .moduleExport, dependency: item.target, claim: member,
                    reality: file,
                    reason:
                        "\(file) does not export \(member) (it exports \(exports.sorted().prefix(8).joined(separator: ", ")))",
                    engine: "module-exports"))
        }
    }

    /// Exported names of a module with `export *` followed; nil when not statically readable.
    private func exports(of file: String, visited: inout Set<String>) -> Set<String>? {
        guard visited.insert(file).inserted, visited.count < 20, let text = files.text(file) else { return [] }
        let parsed = JSModuleText.exports(text)
        if parsed.open { return nil }
        var names = parsed.names
        for specifier in parsed.reExports {
            guard let target = resolver.resolve(specifier, from: file) else { return nil }
            guard let more = exports(of: target, visited: &visited) else { return nil }
            names.formUnion(more)
        }
        return names
    }

    private func judgePython(_ item: ModuleItem, into report: inout RealityReport) {
        guard !item.createAllowed, item.target.contains("."), !item.target.contains(" "),
            item.target.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
        else { return }
        switch python.resolve(item.target) {
        case .found:
            report.checkedClaims += 1
        case .missingName(let module, let name):
            report.checkedClaims += 1
            report.mismatches.append(
                Mismatch(
                    file: item.file, line: item.line, kind: .patchTarget, dependency: item.target, claim: item.target,
                    reality: module, reason: "\(module) defines no \(name), so patch() fails (no create=True)",
                    engine: "python-modules"))
        case .missingModule(let module):
            report.checkedClaims += 1
            report.mismatches.append(
                Mismatch(
                    file: item.file, line: item.line, kind: .patchTarget, dependency: item.target, claim: item.target,
                    reality: module.replacingDots(), reason: "no module \(module) in the repository",
                    engine: "python-modules"))
        case .external:
            break
        }
    }

    /// Checks every generated Go mock in the repository against its interface.
    package func staleGoMocks(into report: inout RealityReport) {
        var interfaces: [String: [(file: String, interface: GoInterfaceReader.Interface)]] = [:]
        var mocks: [GoMockFile] = []
        for path in files.paths where path.hasSuffix(".go") {
            guard let text = files.text(path) else { continue }
            if let mock = GoMockFile.read(text, file: path) {
                mocks.append(mock)
                continue
            }
            guard text.contains(" interface {") else { continue }
            for (name, interface) in GoInterfaceReader.interfaces(text) {
                interfaces[name, default: []].append((path, interface))
            }
        }
        for mock in mocks {
            for (mockName, info) in mock.mocks.sorted(by: { $0.key < $1.key }) {
                let interfaceName =
                    mockName.hasPrefix("Mock") && mock.generator == "mockgen" ? String(mockName.dropFirst(4)) : mockName
                var candidates = interfaces[interfaceName] ?? []
                if let source = mock.source {
                    let bySource = candidates.filter { $0.file == source || $0.file.hasSuffix("/" + source) }
                    if !bySource.isEmpty { candidates = bySource }
                }
                guard candidates.count == 1, let (file, interface) = candidates.first else {
                    if candidates.isEmpty {
                        report.notChecked.append(
                            NotChecked(
                                file: mock.file, line: info.line, claim: mockName,
                                reason: "interface \(interfaceName) not found"))
                    }
                    continue
                }
                report.checkedClaims += 1
                report.sources.append(RealitySource(kind: "module", path: file))
                let missing = interface.methods.subtracting(info.methods).sorted()
                let extra = interface.embeds ? [] : info.methods.subtracting(interface.methods).sorted()
                guard !missing.isEmpty || !extra.isEmpty else { continue }
                var parts: [String] = []
                if !missing.isEmpty {
                    parts.append("the interface has \(missing.joined(separator: ", ")) which the mock lacks")
                }
                if !extra.isEmpty {
                    parts.append("the mock has \(extra.joined(separator: ", ")) which the interface no longer declares")
                }
                report.mismatches.append(
                    Mismatch(
                        file: mock.file, line: info.line, kind: .staleMock, dependency: interfaceName,
                        claim: mockName + " {" + info.methods.sorted().joined(separator: ", ") + "}",
                        reality: "\(file):\(interface.line)",
                        reason: "\(mock.generator) mock is stale: " + parts.joined(separator: "; ") + "; regenerate it",
                        engine: "go-interfaces"))
            }
        }
    }
}

extension String {
    /// `a.b.c` → `a/b/c`.
    fileprivate func replacingDots() -> String { split(separator: ".").joined(separator: "/") }
}
