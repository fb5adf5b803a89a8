/// Which lines changed between two files, chosen the way GNU diff chooses them.
///
/// The steps, all needed to reproduce GNU's output where several minimal diffs exist:
/// 1. Lines are numbered by content, so comparing two lines is comparing two integers.
/// 2. The identical first and last lines are set aside, except `horizon` lines next to the
///    differing middle ("buffered" lines), which later steps may still shift changes into.
/// 3. Buffered lines that match nothing in the other file are marked changed and left out of
///    the search; so are runs of lines that match very many lines (see `discardConfusingLines`).
/// 4. Myers' algorithm ("An O(ND) Difference Algorithm and its Variations", 1986, §4.2) on the
///    rest: find the middle of a shortest edit script from both ends at once, split there, recurse.
///    When the search gets too long it settles for a good split instead of the best one, which
///    bounds the time on large, very different inputs.
/// 5. Each run of changes is slid up or down over equal lines, to merge it with neighbouring
///    runs and to line it up with a run in the other file (`shiftBoundaries`).
enum UnifiedDiffEngine {
    /// The changes in order, in 0-based line numbers of the whole files.
    static func changes(_ old: UnifiedDiffLines, _ new: UnifiedDiffLines, horizon: Int) -> [UnifiedDiffChange] {
        var table: [ArraySlice<UInt8>: Int] = [:]
        table.reserveCapacity(old.count + new.count)
        func ids(_ lines: UnifiedDiffLines) -> [Int] {
            (0..<lines.count).map { index in
                let line = lines.line(index)
                if let id = table[line] { return id }
                let id = table.count
                table[line] = id
                return id
            }
        }
        let oldIDs = ids(old), newIDs = ids(new)

        // Step 2: the identical ends. The suffix never reaches into the part of either file that
        // the prefix set aside.
        var prefix = 0
        while prefix < oldIDs.count && prefix < newIDs.count && oldIDs[prefix] == newIDs[prefix] { prefix += 1 }
        let skippedPrefix = max(0, prefix - horizon)
        var suffix = 0
        while suffix < oldIDs.count - skippedPrefix && suffix < newIDs.count - skippedPrefix
            && oldIDs[oldIDs.count - 1 - suffix] == newIDs[newIDs.count - 1 - suffix]
        {
            suffix += 1
        }
        let skippedSuffix = max(0, suffix - horizon)

        var files = [
            BufferedFile(ids: Array(oldIDs[skippedPrefix..<(oldIDs.count - skippedSuffix)])),
            BufferedFile(ids: Array(newIDs[skippedPrefix..<(newIDs.count - skippedSuffix)])),
        ]
        discardConfusingLines(&files, idCount: table.count)
        var search = MiddleSnakeSearch(files[0].kept, files[1].kept)
        search.compare(xoff: 0, xlim: files[0].kept.count, yoff: 0, ylim: files[1].kept.count,
                       findMinimal: false)
        for index in search.deleted { files[0].changed[files[0].keptIndex[index] + 1] = true }
        for index in search.inserted { files[1].changed[files[1].keptIndex[index] + 1] = true }
        shiftBoundaries(&files)
        return script(files, offset: skippedPrefix)
    }

    /// Pairs each run of changed lines in one file with the run at the same place in the other.
    private static func script(_ files: [BufferedFile], offset: Int) -> [UnifiedDiffChange] {
        let old = files[0], new = files[1]
        var result: [UnifiedDiffChange] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if old.isChanged(i) || new.isChanged(j) {
                let startI = i, startJ = j
                while old.isChanged(i) { i += 1 }
                while new.isChanged(j) { j += 1 }
                result.append(UnifiedDiffChange(oldStart: startI + offset, newStart: startJ + offset,
                                         deleted: i - startI, inserted: j - startJ))
            }
            // Lines i and j are now equal lines paired with each other.
            i += 1
            j += 1
        }
        return result
    }

    // MARK: - Discarding lines that confuse the search

    /// Marks as changed, and removes from the search, the lines that match no line of the other
    /// file; lines matching "many" lines are removed too when they sit inside a run of such
    /// unmatched lines. This speeds up the search and also decides between equally short diffs,
    /// so GNU's rules are followed exactly, thresholds included.
    private static func discardConfusingLines(_ files: inout [BufferedFile], idCount: Int) {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: idCount), count: 2)
        for f in 0..<2 {
            for id in files[f].ids { counts[f][id] += 1 }
        }
        // 0 keep, 1 discard (no match), 2 maybe discard (many matches).
        var marks: [[UInt8]] = [[], []]
        for f in 0..<2 {
            let end = files[f].count
            let many = end < 64 ? 5 : 5 << ((floorLog2(end) >> 1) - 3)
            marks[f] = files[f].ids.map { id in
                let matches = counts[1 - f][id]
                return matches == 0 ? 1 : (matches > many ? 2 : 0)
            }
        }
        for f in 0..<2 {
            settleProvisionalMarks(&marks[f])
        }
        for f in 0..<2 {
            var kept: [Int] = [], keptIndex: [Int] = []
            kept.reserveCapacity(files[f].count)
            keptIndex.reserveCapacity(files[f].count)
            for (index, mark) in marks[f].enumerated() {
                if mark == 0 {
                    kept.append(files[f].ids[index])
                    keptIndex.append(index)
                } else {
                    files[f].changed[index + 1] = true
                }
            }
            files[f].kept = kept
            files[f].keptIndex = keptIndex
        }
    }

    /// Keeps a "many matches" line discarded only inside a run of discards that begins and ends
    /// with unmatched lines, is mostly unmatched lines, and only away from the run's ends.
    private static func settleProvisionalMarks(_ marks: inout [UInt8]) {
        let end = marks.count
        var i = 0
        while i < end {
            defer { i += 1 }
            if marks[i] == 2 {
                marks[i] = 0
                continue
            }
            if marks[i] == 0 { continue }
            // A run of discardable lines starts here with an unmatched line.
            var j = i, provisional = 0
            while j < end && marks[j] != 0 {
                if marks[j] == 2 { provisional += 1 }
                j += 1
            }
            while j > i && marks[j - 1] == 2 {
                j -= 1
                marks[j] = 0
                provisional -= 1
            }
            let length = j - i
            if length >> 2 < provisional {
                // A quarter or more of the run only matches too often: keep all of those.
                for k in i..<j where marks[k] == 2 { marks[k] = 0 }
                continue
            }
            // Subruns of `minimum` or more provisional lines are kept; `minimum` grows roughly
            // as the square root of the run's length.
            let minimum = length < 4 ? 2 : (1 << ((floorLog2(length) >> 1) - 1)) + 1
            var consecutive = 0
            var k = 0
            while k < length {
                if marks[i + k] != 2 {
                    consecutive = 0
                } else {
                    consecutive += 1
                    if consecutive == minimum {
                        k -= consecutive // back to the subrun's start, clearing it all
                    } else if consecutive > minimum {
                        marks[i + k] = 0
                    }
                }
                k += 1
            }
            // From each end, keep provisional lines until three unmatched lines in a row, or
            // an unmatched line at least eight lines in.
            clearProvisionalNearEnd(&marks, from: i, step: 1, length: length)
            i += length - 1
            clearProvisionalNearEnd(&marks, from: i, step: -1, length: length)
        }
    }

    private static func clearProvisionalNearEnd(_ marks: inout [UInt8], from start: Int, step: Int, length: Int) {
        var consecutive = 0
        for k in 0..<length {
            let index = start + k * step
            if k >= 8 && marks[index] == 1 { break }
            switch marks[index] {
            case 2:
                consecutive = 0
                marks[index] = 0
            case 0:
                consecutive = 0
            default:
                consecutive += 1
            }
            if consecutive == 3 { break }
        }
    }

    // MARK: - Sliding runs of changes

    /// Slides each run of changed lines over equal neighbouring lines: first up to merge with
    /// earlier runs, then down as far as it goes (merging with later runs), repeating while the
    /// run grows; finally back up to the last place where it lined up with a run of changes in
    /// the other file, if there was one.
    private static func shiftBoundaries(_ files: inout [BufferedFile]) {
        for f in 0..<2 {
            let ids = files[f].ids
            let other = files[1 - f].changed
            var changed = files[f].changed
            let iEnd = ids.count
            // `changed` and `other` are indexed from -1 (a false sentinel at each end).
            var i = 0, j = 0
            while true {
                // Find the next run, keeping `j` at the matching place in the other file.
                while i < iEnd && !changed[i + 1] {
                    while other[j + 1] { j += 1 }
                    j += 1
                    i += 1
                }
                if i == iEnd { break }
                var start = i
                i += 1
                while changed[i + 1] { i += 1 }
                while other[j + 1] { j += 1 }

                var runLength = 0
                var corresponding = iEnd
                repeat {
                    runLength = i - start
                    // Up, while the line before the run equals the run's last line.
                    while start > 0 && ids[start - 1] == ids[i - 1] {
                        start -= 1
                        changed[start + 1] = true
                        i -= 1
                        changed[i + 1] = false
                        while changed[start] { start -= 1 }
                        j -= 1
                        while other[j + 1] { j -= 1 }
                    }
                    corresponding = other[j] ? i : iEnd
                    // Down, while the run's first line equals the line after it.
                    while i != iEnd && ids[start] == ids[i] {
                        changed[start + 1] = false
                        start += 1
                        changed[i + 1] = true
                        i += 1
                        while changed[i + 1] { i += 1 }
                        j += 1
                        while other[j + 1] {
                            corresponding = i
                            j += 1
                        }
                    }
                } while runLength != i - start

                while corresponding < i {
                    start -= 1
                    changed[start + 1] = true
                    i -= 1
                    changed[i + 1] = false
                    j -= 1
                    while other[j + 1] { j -= 1 }
                }
            }
            files[f].changed = changed
        }
    }

    static func floorLog2(_ value: Int) -> Int {
        Int.bitWidth - 1 - value.leadingZeroBitCount
    }
}

/// The lines of one file that take part in the comparison.
private struct BufferedFile {
    /// Line numbers by content.
    let ids: [Int]
    /// Whether each line is changed, with a false sentinel before and after: line `i` is at `i + 1`.
    var changed: [Bool]
    /// The lines the search looks at, and where each one is in `ids`.
    var kept: [Int] = []
    var keptIndex: [Int] = []

    init(ids: [Int]) {
        self.ids = ids
        changed = [Bool](repeating: false, count: ids.count + 2)
    }

    var count: Int { ids.count }

    /// False past the end, so scans stop there.
    func isChanged(_ index: Int) -> Bool { changed[index + 1] }
}

/// Myers' linear-space search, splitting at the middle of a shortest edit script, with GNU's
/// order of exploring diagonals so that ties resolve as GNU diff resolves them.
private struct MiddleSnakeSearch {
    let xv: [Int]
    let yv: [Int]
    /// The furthest x reached on each diagonal `x - y`, forwards and backwards, stored at
    /// `diagonal + offset`.
    var forward: [Int]
    var backward: [Int]
    let offset: Int
    /// A cost past which the search settles for a good split rather than the best one: about
    /// the square root of the input size, and at least 4096 (as GNU diff does).
    let tooExpensive: Int
    var deleted: [Int] = []
    var inserted: [Int] = []

    init(_ xv: [Int], _ yv: [Int]) {
        self.xv = xv
        self.yv = yv
        let diagonals = xv.count + yv.count + 3
        forward = [Int](repeating: 0, count: diagonals)
        backward = [Int](repeating: 0, count: diagonals)
        offset = yv.count + 1
        tooExpensive = max(4096, 1 << ((UnifiedDiffEngine.floorLog2(diagonals) >> 1) + 1))
    }

    /// Records the deletions from `xv[xoff..<xlim]` and insertions from `yv[yoff..<ylim]`.
    mutating func compare(xoff: Int, xlim: Int, yoff: Int, ylim: Int, findMinimal: Bool) {
        var xoff = xoff, xlim = xlim, yoff = yoff, ylim = ylim
        while xoff < xlim && yoff < ylim && xv[xoff] == yv[yoff] {
            xoff += 1
            yoff += 1
        }
        while xoff < xlim && yoff < ylim && xv[xlim - 1] == yv[ylim - 1] {
            xlim -= 1
            ylim -= 1
        }
        if xoff == xlim {
            inserted.append(contentsOf: yoff..<ylim)
        } else if yoff == ylim {
            deleted.append(contentsOf: xoff..<xlim)
        } else {
            let split = middle(xoff: xoff, xlim: xlim, yoff: yoff, ylim: ylim, findMinimal: findMinimal)
            compare(xoff: xoff, xlim: split.x, yoff: yoff, ylim: split.y, findMinimal: split.lowMinimal)
            compare(xoff: split.x, xlim: xlim, yoff: split.y, ylim: ylim, findMinimal: split.highMinimal)
        }
    }

    private struct Split {
        var x: Int
        var y: Int
        var lowMinimal: Bool
        var highMinimal: Bool
    }

    /// Where a shortest edit script of the two ranges crosses its middle. The ranges' first
    /// elements differ, and so do their last ones.
    private mutating func middle(xoff: Int, xlim: Int, yoff: Int, ylim: Int, findMinimal: Bool) -> Split {
        let o = offset
        let dmin = xoff - ylim, dmax = xlim - yoff
        let fmid = xoff - yoff, bmid = xlim - ylim
        var fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid
        let odd = (fmid - bmid) & 1 != 0
        forward[fmid + o] = xoff
        backward[bmid + o] = xlim

        var cost = 1
        while true {
            defer { cost += 1 }
            // One more edit forwards on each diagonal.
            if fmin > dmin {
                fmin -= 1
                forward[fmin - 1 + o] = -1
            } else {
                fmin += 1
            }
            if fmax < dmax {
                fmax += 1
                forward[fmax + 1 + o] = -1
            } else {
                fmax -= 1
            }
            var d = fmax
            while d >= fmin {
                let low = forward[d - 1 + o], high = forward[d + 1 + o]
                var x = low < high ? high : low + 1
                var y = x - d
                while x < xlim && y < ylim && xv[x] == yv[y] {
                    x += 1
                    y += 1
                }
                forward[d + o] = x
                if odd && bmin <= d && d <= bmax && backward[d + o] <= x {
                    return Split(x: x, y: y, lowMinimal: true, highMinimal: true)
                }
                d -= 2
            }

            // And backwards.
            if bmin > dmin {
                bmin -= 1
                backward[bmin - 1 + o] = Int.max
            } else {
                bmin += 1
            }
            if bmax < dmax {
                bmax += 1
                backward[bmax + 1 + o] = Int.max
            } else {
                bmax -= 1
            }
            d = bmax
            while d >= bmin {
                let low = backward[d - 1 + o], high = backward[d + 1 + o]
                var x = low < high ? low : high - 1
                var y = x - d
                while xoff < x && yoff < y && xv[x - 1] == yv[y - 1] {
                    x -= 1
                    y -= 1
                }
                backward[d + o] = x
                if !odd && fmin <= d && d <= fmax && x <= forward[d + o] {
                    return Split(x: x, y: y, lowMinimal: true, highMinimal: true)
                }
                d -= 2
            }

            if !findMinimal && cost >= tooExpensive {
                return compromise(xoff: xoff, xlim: xlim, yoff: yoff, ylim: ylim,
                                  forwardRange: (fmin, fmax), backwardRange: (bmin, bmax))
            }
        }
    }

    /// The search went on too long: split at whichever end got further, forwards (the
    /// diagonal with the largest x + y) or backwards (the smallest).
    private func compromise(xoff: Int, xlim: Int, yoff: Int, ylim: Int,
                            forwardRange: (Int, Int), backwardRange: (Int, Int)) -> Split
    {
        let o = offset
        var forwardBest = -1, forwardX = 0
        var d = forwardRange.1
        while d >= forwardRange.0 {
            var x = min(forward[d + o], xlim)
            var y = x - d
            if ylim < y {
                x = ylim + d
                y = ylim
            }
            if forwardBest < x + y {
                forwardBest = x + y
                forwardX = x
            }
            d -= 2
        }
        var backwardBest = Int.max, backwardX = 0
        d = backwardRange.1
        while d >= backwardRange.0 {
            var x = max(xoff, backward[d + o])
            var y = x - d
            if y < yoff {
                x = yoff + d
                y = yoff
            }
            if x + y < backwardBest {
                backwardBest = x + y
                backwardX = x
            }
            d -= 2
        }
        if (xlim + ylim) - backwardBest < forwardBest - (xoff + yoff) {
            return Split(x: forwardX, y: forwardBest - forwardX, lowMinimal: true, highMinimal: false)
        }
        return Split(x: backwardX, y: backwardBest - backwardX, lowMinimal: false, highMinimal: true)
    }
}
