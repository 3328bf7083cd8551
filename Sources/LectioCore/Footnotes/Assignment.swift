/// The best one-to-one assignment of rows to columns (the Hungarian method), maximising the
/// total score. Rows beyond the columns, or with no column, are left unassigned.
enum Assignment {
    /// For each row, the column it is assigned to, or `nil`.
    static func maximise(_ score: [[Double]]) -> [Int?] {
        let rows = score.count
        guard rows > 0, let cols = score.first?.count, cols > 0 else { return Array(repeating: nil, count: rows) }
        let n = max(rows, cols)
        let top = score.joined().max() ?? 0
        // Square cost matrix, padded with the worst cost.
        var cost = Array(repeating: Array(repeating: top, count: n + 1), count: n + 1)
        for i in 0..<rows { for j in 0..<cols { cost[i + 1][j + 1] = top - score[i][j] } }
        var u = Array(repeating: 0.0, count: n + 1), v = Array(repeating: 0.0, count: n + 1)
        var p = Array(repeating: 0, count: n + 1), way = Array(repeating: 0, count: n + 1)
        for i in 1...n {
            p[0] = i
            var j0 = 0
            var minv = Array(repeating: Double.infinity, count: n + 1)
            var used = Array(repeating: false, count: n + 1)
            repeat {
                used[j0] = true
                let i0 = p[j0]
                var delta = Double.infinity, j1 = 0
                for j in 1...n where !used[j] {
                    let cur = cost[i0][j] - u[i0] - v[j]
                    if cur < minv[j] { minv[j] = cur; way[j] = j0 }
                    if minv[j] < delta { delta = minv[j]; j1 = j }
                }
                for j in 0...n {
                    if used[j] { u[p[j]] += delta; v[j] -= delta } else { minv[j] -= delta }
                }
                j0 = j1
            } while p[j0] != 0
            repeat {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            } while j0 != 0
        }
        var result: [Int?] = Array(repeating: nil, count: rows)
        for j in 1...n where p[j] >= 1 && p[j] <= rows && j <= cols { result[p[j] - 1] = j - 1 }
        return result
    }
}
