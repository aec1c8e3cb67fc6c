/// The photos of Content/: each read again only when its file changed, and each WebP copy made
/// once per image content (kept in memory for serve, and on disk for the next build).
extension BuildMemo {
    /// Size and copies of every resizable file of Content/, by its path below Content/.
    func images(_ staticFiles: [String], root: String, fileSystem: FileSystem, changes: ChangeSet)
        -> (images: [String: ImageInfo], diagnostics: [Diagnostic]) {
        let files = staticFiles.filter(ResponsiveImages.isResizable)
        let stale = files.filter { imageInfos[$0] == nil || changes.contains("\(ContentLoader.contentFolder)/\($0)") }
        let read = Parallel.map(stale) { file -> Result<ImageInfo, ImageCodec.Failure> in
            let path = "\(ContentLoader.contentFolder)/\(file)"
            guard let bytes = try? fileSystem.readBytes(FilePath.join(root, path)) else {
                return .failure(ImageCodec.Failure(description: "cannot read file"))
            }
            do { return .success(try ResponsiveImages.info(bytes: bytes)) } catch let failure as ImageCodec.Failure {
                return .failure(failure)
            } catch {
                return .failure(ImageCodec.Failure(description: "\(error)"))
            }
        }
        for (file, result) in zip(stale, read) { imageInfos[file] = result }
        if imageInfos.count > files.count {
            let live = Set(files)
            imageInfos = imageInfos.filter { live.contains($0.key) }
        }
        var images: [String: ImageInfo] = [:], diagnostics: [Diagnostic] = []
        for file in files {
            switch imageInfos[file]! {
            case let .success(info):
                images[file] = info
                if info.hasGPS {
                    diagnostics.append(.warning("\(ContentLoader.contentFolder)/\(file)",
                        "this photo's metadata records where it was taken (GPS); the smaller copies leave it out, but the original is published as it is: save it again without location data, or remove it with your photo editor"))
                }
            case let .failure(failure):
                diagnostics.append(.error("\(ContentLoader.contentFolder)/\(file)",
                    "this image cannot be read (\(failure.description)); save it again as JPEG, PNG or WebP"))
            }
        }
        return (images, diagnostics)
    }

    /// The WebP copies of every image, made only when not made before for the same bytes and width.
    func imageCopies(_ images: [String: ImageInfo], root: String, fileSystem: FileSystem) throws -> [OutputFile] {
        let cacheFolder = FilePath.join(root, ".dermasite-cache/images")
        var jobs: [(file: String, width: Int, path: String, key: String)] = []
        for (file, info) in images.sorted(by: { $0.key < $1.key }) {
            for (width, path) in info.variants(of: file) {
                jobs.append((file, width, path, "\(info.hash)-\(width)-q\(ResponsiveImages.quality).webp"))
            }
        }
        let inMemory = imageCopyBytes
        // Two files with the same bytes need each copy made once.
        var firstJob: [String: Int] = [:]
        for (index, job) in jobs.enumerated() where firstJob[job.key] == nil { firstJob[job.key] = index }
        let unique = firstJob.values.sorted().map { jobs[$0] }
        let madeOnce = try Parallel.map(unique) { job -> [UInt8] in
            if let kept = inMemory[job.key] { return kept }
            let cached = FilePath.join(cacheFolder, job.key)
            if let bytes = try? fileSystem.readBytes(cached), ResponsiveImages.isWholeWebP(bytes) { return bytes }
            let path = "\(ContentLoader.contentFolder)/\(job.file)"
            guard let original = try? fileSystem.readBytes(FilePath.join(root, path)) else {
                throw BuildFailure(step: "copy assets, files and charts", diagnostics: [.error(path, "cannot read file")])
            }
            let bytes: [UInt8]
            do { bytes = try ResponsiveImages.copy(of: original, width: job.width) } catch {
                throw BuildFailure(step: "copy assets, files and charts",
                                   diagnostics: [.error(path, "cannot make a \(job.width) px copy of this image (\(error))")])
            }
            // The disk cache only saves time: a folder that cannot be written is no error. Written
            // under another name and renamed, so a reader never sees half a file.
            try? fileSystem.createDirectory(cacheFolder)
            let partial = "\(cached).\(UUID().uuidString).partial"
            if (try? fileSystem.write(bytes, to: partial)) != nil, (try? fileSystem.move(from: partial, to: cached)) == nil {
                try? fileSystem.remove(partial)
            }
            return bytes
        }
        let byKey = Dictionary(zip(unique.map(\.key), madeOnce), uniquingKeysWith: { first, _ in first })
        let made = jobs.map { byKey[$0.key]! }
        var kept: [String: [UInt8]] = [:]
        var files: [OutputFile] = []
        for (job, bytes) in zip(jobs, made) {
            if inMemory[job.key] == nil { self.made([job.path], reason: "new copy of \(ContentLoader.contentFolder)/\(job.file)") }
            kept[job.key] = bytes
            files.append(OutputFile(path: job.path, bytes: bytes))
        }
        imageCopyBytes = kept
        return files
    }
}

import Foundation
