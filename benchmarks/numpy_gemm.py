#!/usr/bin/python3
"""numpy float32 GEMM GFLOP/s, measured exactly as `knowrec bench gemm` measures KnowRec's Gemm.

Usage (Debian's numpy, which calls the system BLAS through libblas.so.3; never run in CI):

    /usr/bin/python3 benchmarks/numpy_gemm.py [--sizes 256,512,1024,2048] [--threads 1,2]
                                              [--repetitions 7] [--json benchmarks/numpy-gemm.json]

Procedure, step for step the one of src/KnowRec/Evaluation/Bench/GemmBenchmark.cs: per size n and thread count,
A and B uniform in [-1, 1) (float32, C order), C = A @ B written into a preallocated C (`numpy.matmul(out=)`), two
warm-up products, calls per repetition = ceil(0.05 s / second warm-up time), C filled with NaN before every
repetition, and after each repetition 8 random entries of C compared with a float64 dot product (relative to
sum |a*b|, tolerance 2 n 2^-24). GFLOP/s = 2 n^3 / time per product.

Each thread count runs in its own child process with OPENBLAS_NUM_THREADS (and OMP_NUM_THREADS) set, because
OpenBLAS reads them once when it loads. The script refuses to run when numpy's BLAS is not OpenBLAS unless
--any-blas is given; OPENBLAS_CORETYPE passes through (e.g. SkylakeX to force OpenBLAS's AVX-512 kernels, which
OpenBLAS 0.3.21 does not pick by itself on Zen 4/5).
"""
import argparse
import ctypes
import datetime
import json
import math
import os
import platform
import subprocess
import sys
import time

HEADER = "  size  threads  reps  calls  best GFLOP/s  median GFLOP/s  worst GFLOP/s  max rel err"
SPOTS = 8


def row(r):
    """One line of the table knowrec bench gemm prints (GemmReport.FormatTable)."""
    return (f"{r['size']:>6} {r['threads']:>8} {r['repetitions']:>5} {r['calls']:>6} {r['best_gflops']:>13.1f} "
            f"{r['median_gflops']:>15.1f} {r['worst_gflops']:>14.1f} {r['max_error']:>12.1e}")


def load_average():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def openblas():
    """(description, short name, loaded OpenBLAS library or None) of the BLAS numpy really uses in this process."""
    import numpy
    numpy.ones((64, 64), numpy.float32) @ numpy.ones((64, 64), numpy.float32)  # make sure the BLAS is loaded
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_config.restype = ctypes.c_char_p
            lib.openblas_get_corename.restype = ctypes.c_char_p
        except (OSError, AttributeError):
            continue
        config = lib.openblas_get_config().decode().split()
        version = config[1] if len(config) > 1 else "?"
        core = lib.openblas_get_corename().decode()
        return f"OpenBLAS {version} ({core} kernels)", f"numpy ({core})", lib
    return "unknown BLAS (" + ", ".join(paths) + ")", "numpy", None


def spot_check(a, b, c, n, rng):
    """Largest relative error of SPOTS random entries of C; raises when one exceeds float32 accumulation's bound."""
    import numpy
    tolerance = 2.0 * n * 2.0 ** -24
    worst = 0.0
    for _ in range(SPOTS):
        i, j = int(rng.integers(n)), int(rng.integers(n))
        terms = a[i, :].astype(numpy.float64) * b[:, j].astype(numpy.float64)
        exact = float(terms.sum())
        magnitude = float(numpy.abs(terms).sum())
        error = abs(float(c[i, j]) - exact) / max(magnitude, sys.float_info.min)
        if not error <= tolerance:
            raise RuntimeError(f"numpy GEMM n = {n}: C[{i},{j}] = {c[i, j]}, expected {exact} "
                               f"(relative error {error:.3g} > {tolerance:.3g})")
        worst = max(worst, error)
    return worst


def measure(n, threads, repetitions, minimum_seconds=0.05):
    import numpy
    rng = numpy.random.default_rng([n, threads])
    a = (2 * rng.random((n, n), dtype=numpy.float32) - 1).astype(numpy.float32)
    b = (2 * rng.random((n, n), dtype=numpy.float32) - 1).astype(numpy.float32)
    c = numpy.empty((n, n), numpy.float32)
    numpy.matmul(a, b, out=c)
    start = time.perf_counter()
    numpy.matmul(a, b, out=c)
    warm = max(time.perf_counter() - start, 1e-7)
    calls = int(min(max(math.ceil(minimum_seconds / warm), 1), 10_000))
    rates, max_error = [], 0.0
    for _ in range(repetitions):
        c.fill(numpy.nan)
        start = time.perf_counter()
        for _ in range(calls):
            numpy.matmul(a, b, out=c)
        seconds = (time.perf_counter() - start) / calls
        rates.append(2.0 * n ** 3 / seconds / 1e9)
        max_error = max(max_error, spot_check(a, b, c, n, rng))
    rates.sort()
    median = float(numpy.median(rates))
    return {"size": n, "threads": threads, "repetitions": repetitions, "calls": calls, "best_gflops": rates[-1],
            "median_gflops": median, "worst_gflops": rates[0], "max_error": max_error}


def child(args):
    """Measures every size at one thread count (OPENBLAS_NUM_THREADS is already set) and prints JSON."""
    import numpy
    blas, name, lib = openblas()
    if lib is None and not args.any_blas:
        sys.exit(f"error: numpy {numpy.__version__} is not using OpenBLAS but {blas}; select it with "
                 "`update-alternatives --config libblas.so.3-x86_64-linux-gnu` or pass --any-blas")
    threads = int(args.threads)
    if lib is not None and lib.openblas_get_num_threads() != threads:
        sys.exit(f"error: OpenBLAS runs {lib.openblas_get_num_threads()} threads, not {threads}")
    results = [measure(n, threads, args.repetitions) for n in args.sizes]
    print(json.dumps({"library": f"numpy {numpy.__version__} + {blas}", "name": name, "results": results}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="256,512,1024,2048", type=lambda s: [int(x) for x in s.split(",")])
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--repetitions", type=int, default=7)
    parser.add_argument("--json", help="also write the figures here, for knowrec bench gemm --numpy")
    parser.add_argument("--any-blas", action="store_true", help="measure even when numpy's BLAS is not OpenBLAS")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    before = load_average()
    library, name, results = None, None, []
    for threads in [int(t) for t in args.threads.split(",")]:
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
        command = [sys.executable, os.path.abspath(__file__), "--child", "--threads", str(threads),
                   "--sizes", ",".join(map(str, args.sizes)), "--repetitions", str(args.repetitions)]
        if args.any_blas:
            command.append("--any-blas")
        print(f"{threads} thread(s)", file=sys.stderr)
        out = subprocess.run(command, env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
        part = json.loads(out)
        library, name = part["library"], part["name"]
        results.extend(part["results"])
    # Same order as knowrec bench gemm: sizes outer, threads inner.
    results.sort(key=lambda r: (args.sizes.index(r["size"]), r["threads"]))
    run = {"library": library, "name": name, "machine": machine(), "date": date, "load_before": before,
           "load_after": load_average(), "results": results}
    print(f"{library}; load average {before:.2f} → {run['load_after']:.2f}")
    print(HEADER)
    for r in results:
        print(row(r))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(run, f, indent=2, ensure_ascii=False)
            f.write("\n")


def machine():
    """CPU, cores, memory and OS, like KnowRec's MachineInfo line."""
    cpu = platform.processor() or platform.machine()
    memory = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
        with open("/proc/meminfo") as f:
            kb = next(int(line.split()[1]) for line in f if line.startswith("MemTotal"))
            memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    return f"{cpu} · {os.cpu_count()} cores · {memory} · Python {platform.python_version()} · {platform.platform()}"


if __name__ == "__main__":
    main()
