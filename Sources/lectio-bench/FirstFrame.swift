import CPseudoTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Times a program from its start to the moment its first screen is complete, as a person
/// would see it: the program runs on a pseudo-terminal of 140×40, the time stops when
/// `marker` (text its first screen ends with) has been written, then `q` quits it.
func firstFrameMilliseconds(_ program: [String], marker: String, environment: [String: String]) -> Double? {
    firstFrame(program, marker: marker, environment: environment)?.milliseconds
}

/// A program's first frame: how long it took from the start; the program's own peak memory
/// over its whole run (open, first frame, quit), from the kernel's account of it; and the CPU
/// time (user + system) it used until it quit after `q`: on a machine other work shares, a
/// steadier measure of how much work a start-up is than the time on the clock.
struct FirstFrame {
    var milliseconds: Double
    var peakMemoryMB: Double?
    var cpuMilliseconds: Double
}

/// Runs `program` as `firstFrameMilliseconds` does; `nil` when the marker never showed. With
/// `then`, after the first frame the keys are typed and the second marker waited for before
/// `q` (`G` and `100%`: the reader has imported the whole text, so the peak memory counts it).
func firstFrame(_ program: [String], marker: String, environment: [String: String],
                then: (keys: String, marker: String)? = nil) -> FirstFrame? {
    var name = [CChar](repeating: 0, count: 256)
    let master = lectio_open_pseudo_terminal(&name, name.count)
    guard master >= 0 else { return nil }
    let pts = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { close(master) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, pts, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, lectio_spawn_setsid_flag())
    let script = "stty rows 40 cols 140; exec \"$@\""
    let argv = (["/bin/sh", "-c", script, "sh"] + program).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
    var pid: pid_t = 0
    let t0 = now()
    guard posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp) == 0 else { return nil }
    var output = [UInt8]()
    let needle = Array(marker.utf8)
    var elapsed: Double?
    var buffer = [UInt8](repeating: 0, count: 65536)
    while now() - t0 < 10_000 {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, 100) > 0 else { continue }
        let n = read(master, &buffer, buffer.count)
        if n <= 0 { break }
        output.append(contentsOf: buffer[0..<n])
        if output.count >= needle.count, output.suffix(min(output.count, n + needle.count)).firstRange(of: needle) != nil {
            elapsed = now() - t0
            break
        }
    }
    if let then, elapsed != nil {
        _ = write(master, then.keys, then.keys.utf8.count)
        let second = Array(then.marker.utf8)
        var seen = [UInt8]()
        while now() - t0 < 20_000 {
            var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&fds, 1, 100) > 0 else { continue }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            seen.append(contentsOf: buffer[0..<n])
            if seen.firstRange(of: second) != nil { break }
        }
    }
    _ = write(master, "q", 1)
    let deadline = now() + 2000
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, WNOHANG, &usage) == 0 {
        // Keep the pty drained so the program can finish writing.
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        if poll(&fds, 1, 20) > 0 { _ = read(master, &buffer, buffer.count) }
        if now() > deadline { kill(pid, SIGKILL) }
    }
    guard let elapsed else { return nil }
    let cpu = { (t: timeval) in Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
    return FirstFrame(milliseconds: elapsed, peakMemoryMB: usage.ru_maxrss > 0 ? Double(usage.ru_maxrss) / 1024 : nil,
                      cpuMilliseconds: cpu(usage.ru_utime) + cpu(usage.ru_stime))
}

/// Times a program from its start to its end (`lectio --version`), in milliseconds.
func runMilliseconds(_ program: [String]) -> Double? {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = program.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let t0 = now()
    guard posix_spawn(&pid, program[0], &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return now() - t0
}
