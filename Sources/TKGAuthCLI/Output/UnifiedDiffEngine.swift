/// A shortest edit script between two sequences of line numbers (equal numbers mean equal lines),
/// after Eugene W. Myers, "An O(ND) Difference Algorithm and Its Variations" (Algorithmica, 1986):
/// the linear-space variant, which finds a "middle snake" by searching from both corners at once
/// and then solves the two smaller problems on either side of it.
///
/// The result says, for each line, whether the script deletes it (old side) or inserts it (new
/// side); every other line belongs to one longest common subsequence, in order. The number of
/// marked lines is the least possible. Which of several equally short scripts comes out is not
/// specified.
enum UnifiedDiffEngine {
    struct Script {
        /// `deleted[i]`: line `i` of the old sequence is not kept.
        var deleted: [Bool]
        /// `inserted[j]`: line `j` of the new sequence is not taken from the old one.
        var inserted: [Bool]
    }

    static func script(old: [Int], new: [Int]) -> Script {
        var result = Script(deleted: Array(repeating: false, count: old.count),
                            inserted: Array(repeating: false, count: new.count))

        // A line that never occurs on the other side cannot be part of any common subsequence,
        // so it is changed whatever else happens. Leaving such lines out first keeps the answer
        // minimal and makes the search cheap when most lines differ.
        let idCount = max(old.max() ?? -1, new.max() ?? -1) + 1
        var inOld = Array(repeating: false, count: idCount)
        var inNew = Array(repeating: false, count: idCount)
        for id in old { inOld[id] = true }
        for id in new { inNew[id] = true }

        var oldKept: [Int] = [], oldWhere: [Int] = []
        for (index, id) in old.enumerated() {
            if inNew[id] {
                oldKept.append(id)
                oldWhere.append(index)
            } else {
                result.deleted[index] = true
            }
        }
        var newKept: [Int] = [], newWhere: [Int] = []
        for (index, id) in new.enumerated() {
            if inOld[id] {
                newKept.append(id)
                newWhere.append(index)
            } else {
                result.inserted[index] = true
            }
        }

        var search = Search(oldKept, newKept)
        search.run()
        for (index, isDeleted) in search.deleted.enumerated() where isDeleted {
            result.deleted[oldWhere[index]] = true
        }
        for (index, isInserted) in search.inserted.enumerated() where isInserted {
            result.inserted[newWhere[index]] = true
        }
        return result
    }

    /// The divide-and-conquer search over the edit graph of `a` (along x) and `b` (along y).
    ///
    /// Paths are followed on diagonals `k = x - y`. After `d` non-diagonal steps from the top
    /// left corner, `forward[k]` holds the largest x reached on diagonal k; after `d` steps back
    /// from the bottom right corner, `backward[c]` holds the smallest x reached on diagonal
    /// `c + delta`, where `delta` is the diagonal of that corner. Both arrays are indexed with an
    /// offset (`center`) so that negative diagonals fit, and are shared by all sub-problems.
    private struct Search {
        let a: [Int]
        let b: [Int]
        var deleted: [Bool]
        var inserted: [Bool]
        private var forward: [Int]
        private var backward: [Int]
        private let center: Int

        init(_ a: [Int], _ b: [Int]) {
            self.a = a
            self.b = b
            deleted = Array(repeating: false, count: a.count)
            inserted = Array(repeating: false, count: b.count)
            // No search goes beyond (N + M + 1) / 2 steps, and a step looks one diagonal further.
            let reach = (a.count + b.count + 1) / 2 + 1
            center = reach
            forward = Array(repeating: 0, count: 2 * reach + 1)
            backward = Array(repeating: 0, count: 2 * reach + 1)
        }

        /// A box of the edit graph still to be solved: `a[aLow..<aHigh]` against `b[bLow..<bHigh]`.
        private struct Box {
            var aLow: Int, aHigh: Int, bLow: Int, bHigh: Int
        }

        mutating func run() {
            var pending = [Box(aLow: 0, aHigh: a.count, bLow: 0, bHigh: b.count)]
            while var box = pending.popLast() {
                // Equal lines at either end are kept as they are.
                while box.aLow < box.aHigh && box.bLow < box.bHigh && a[box.aLow] == b[box.bLow] {
                    box.aLow += 1
                    box.bLow += 1
                }
                while box.aLow < box.aHigh && box.bLow < box.bHigh && a[box.aHigh - 1] == b[box.bHigh - 1] {
                    box.aHigh -= 1
                    box.bHigh -= 1
                }
                if box.aLow == box.aHigh {
                    for j in box.bLow..<box.bHigh { inserted[j] = true }
                    continue
                }
                if box.bLow == box.bHigh {
                    for i in box.aLow..<box.aHigh { deleted[i] = true }
                    continue
                }
                // Both sides are left with a differing first and last line, so at least two
                // steps are needed, and each side of the middle snake needs fewer than the box.
                let snake = middleSnake(box)
                let (x0, y0, x1, y1) = snake
                precondition(x0 >= box.aLow && y0 >= box.bLow && x1 <= box.aHigh && y1 <= box.bHigh
                                 && x1 - x0 == y1 - y0 && x0 <= x1
                                 && !(x1 == x0 && ((x0 == box.aLow && y0 == box.bLow)
                                                   || (x0 == box.aHigh && y0 == box.bHigh))),
                             "diff search made no progress")
                pending.append(Box(aLow: box.aLow, aHigh: x0, bLow: box.bLow, bHigh: y0))
                pending.append(Box(aLow: x1, aHigh: box.aHigh, bLow: y1, bHigh: box.bHigh))
            }
        }

        /// A run of matching lines `(x0, y0)`..`(x1, y1)` (possibly empty) that lies on a
        /// shortest path through the box, found where a path from the top left meets one from
        /// the bottom right. Positions are absolute.
        private mutating func middleSnake(_ box: Box) -> (Int, Int, Int, Int) {
            let n = box.aHigh - box.aLow, m = box.bHigh - box.bLow
            let delta = n - m
            let deltaIsOdd = delta & 1 != 0
            let center = self.center
            let aLow = box.aLow, bLow = box.bLow

            return a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    forward.withUnsafeMutableBufferPointer { forward in
                        backward.withUnsafeMutableBufferPointer { backward in
                            // The step "before" the first one: it puts the forward start at x = 0
                            // and the backward start at x = n.
                            forward[center + 1] = 0
                            backward[center + 1] = n + 1
                            for d in 0...((n + m + 1) / 2) {
                                // Forward: d steps from (0, 0).
                                var k = -d
                                while k <= d {
                                    // Down from diagonal k + 1 keeps x; right from k - 1 adds one.
                                    var x: Int
                                    if k == -d {
                                        x = forward[center + k + 1]
                                    } else if k == d {
                                        x = forward[center + k - 1] + 1
                                    } else {
                                        let down = forward[center + k + 1], right = forward[center + k - 1] + 1
                                        x = down > right ? down : right
                                    }
                                    var y = x - k
                                    let startX = x, startY = y
                                    while x < n && y < m && a[aLow + x] == b[bLow + y] {
                                        x += 1
                                        y += 1
                                    }
                                    forward[center + k] = x
                                    // With delta odd, the paths can first meet after a forward step.
                                    let c = k - delta
                                    if deltaIsOdd && c >= -(d - 1) && c <= d - 1 && backward[center + c] <= x {
                                        return (aLow + startX, bLow + startY, aLow + x, bLow + y)
                                    }
                                    k += 2
                                }
                                // Backward: d steps from (n, m).
                                var c = -d
                                while c <= d {
                                    let k = c + delta
                                    // Left from diagonal k + 1 takes one off x; up from k - 1 keeps x.
                                    var x: Int
                                    if c == -d {
                                        x = backward[center + c + 1] - 1
                                    } else if c == d {
                                        x = backward[center + c - 1]
                                    } else {
                                        let left = backward[center + c + 1] - 1, up = backward[center + c - 1]
                                        x = left < up ? left : up
                                    }
                                    var y = x - k
                                    let endX = x, endY = y
                                    while x > 0 && y > 0 && a[aLow + x - 1] == b[bLow + y - 1] {
                                        x -= 1
                                        y -= 1
                                    }
                                    backward[center + c] = x
                                    // With delta even, they first meet after a backward step.
                                    if !deltaIsOdd && k >= -d && k <= d && forward[center + k] >= x {
                                        return (aLow + x, bLow + y, aLow + endX, bLow + endY)
                                    }
                                    c += 2
                                }
                            }
                            preconditionFailure("diff search found no path")
                        }
                    }
                }
            }
        }
    }
}
