import Platform
import Testing

/// Path arithmetic, including the one-character paths Foundation's NSString trapped on.
@Suite struct FilePathsTests {
    @Test(arguments: [
        ("a", ""), ("ab.md", ""), ("a/b.md", "a"), ("/b.md", "/"), ("/", "/"), ("a/b/", "a"), ("a//b", "a"),
        ("/x/y/z.html", "/x/y"), ("./a", "."), ("", ""),
    ])
    func theFolderOfAPath(path: String, folder: String) {
        #expect(FilePaths.folder(of: path) == folder)
    }

    @Test(arguments: [
        ("a", "b", "a/b"), ("a/", "b.csv", "a/b.csv"), ("", "x", "x"), ("/", "x", "/x"), ("a", "/abs", "/abs"),
        ("~/.cache", "yotq", "~/.cache/yotq"),
    ])
    func joiningAFolderAndAName(folder: String, name: String, joined: String) {
        #expect(FilePaths.join(folder, name) == joined)
    }

    @Test(arguments: [
        ("a/scores.csv", "scores.csv", "scores", "csv", "a/scores"), ("x", "x", "x", "", "x"),
        ("b.tar.gz", "b.tar.gz", "b.tar", "gz", "b.tar"), ("d/.hidden", ".hidden", ".hidden", "", "d/.hidden"),
        ("/", "", "", "", "/"),
    ])
    func theLastComponentAndItsParts(path: String, last: String, stem: String, fileExtension: String, without: String) {
        #expect(FilePaths.lastComponent(of: path) == last)
        #expect(FilePaths.stem(of: path) == stem)
        #expect(FilePaths.fileExtension(of: path) == fileExtension)
        #expect(FilePaths.deletingExtension(path) == without)
    }
}
