import Foundation

/// Relative links and images in prose, rewritten when the document is written to another folder than
/// the notebook's: `[the data](../Datasets/README.md)` in `Notebooks/x.md`, written to `out/x.html`,
/// must point at `../Datasets/README.md` from `out/`, i.e. `../Notebooks/../Datasets/README.md`.
enum ProseLinks {
    /// What to put before a relative target: the way from the output's folder to the notebook's
    /// (`../Notebooks/`); nil when both are the same folder.
    static func base(notebook: String, output: String) -> String? {
        func folderComponents(_ path: String) -> [String] {
            let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
            return folder.resolvingSymlinksInPath().pathComponents
        }
        let from = folderComponents(output)
        let to = folderComponents(notebook)
        var common = 0
        while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
        guard common < from.count || common < to.count else { return nil }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...]).joined(separator: "/") + "/"
    }

    /// A target that names a file beside the notebook: no scheme (`https:`, `mailto:`, `data:`), not
    /// absolute, not a `#fragment` or `?query` of the page itself.
    static func isRelative(_ target: Substring) -> Bool {
        guard let first = target.first, first != "/", first != "#", first != "?" else { return false }
        return target.firstMatch(of: /^[A-Za-z][A-Za-z0-9+.\-]*:/) == nil
    }

    /// HTML from prose with relative `href` and `src` targets prefixed by `base`.
    static func rebaseHTML(_ html: String, base: String) -> String {
        html.replacing(/(\s(?:href|src)=")([^"]*)"/) { match in
            let target = match.output.2
            return match.output.1 + (isRelative(target) ? base : "") + target + "\""
        }
    }

    /// Markdown prose with relative inline link and image targets (`](target`) and raw HTML `href` /
    /// `src` prefixed by `base`, outside code blocks and code spans.
    static func rebaseMarkdown(_ markdown: String, base: String) -> String {
        var fence: Fence?
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if let open = fence {
                if open.isClosed(by: line) { fence = nil }
                return String(line)
            }
            if let opening = Fence(opening: line) {
                fence = opening
                return String(line)
            }
            // Odd pieces between backticks are code spans.
            return line.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, piece in
                guard index.isMultiple(of: 2) else { return String(piece) }
                let markdownLinks = String(
                    piece.replacing(/(\]\(\s*<?)([^)\s>]+)/) { match in
                        match.output.1 + (isRelative(match.output.2) ? base : "") + match.output.2
                    })
                // Raw HTML in the prose (`<a href="notes.txt">`) too.
                return rebaseHTML(markdownLinks, base: base)
            }.joined(separator: "`")
        }
        return lines.joined(separator: "\n")
    }
}
