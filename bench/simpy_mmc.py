"""The SimPy side of bench/simpy.bench.ts: the same open queueing network, run by SimPy.

Network (Jackson): Poisson arrivals at rate LAMBDA into pool A (c servers, exponential service, FIFO); on leaving A
a customer goes to pool B with probability P_B, else to pool C; then it leaves. Prints one JSON line: per replicate
the mean wait in queue of each pool (customers after the warm-up), the customers done and the CPU seconds the
run took. Events are counted the same way on both sides: one arrival and one service completion per pool visited.

Works with SimPy 3/4 (`import simpy`) and with Debian's python3-simpy, which is SimPy 2.3 (`import SimPy`).
Usage: python3 simpy_mmc.py PARAMS_JSON
"""
import json
import random
import sys
import time


def run_modern(simpy, p, seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    pools = [simpy.Resource(env, capacity=q["c"]) for q in p["pools"]]
    mu = [q["mu"] for q in p["pools"]]
    waits = [[0.0, 0] for _ in pools]
    done = [0]
    n, warm = p["customers"], p["warmup"]

    def visit(k, idx):
        t0 = env.now
        with pools[k].request() as req:
            yield req
            if idx >= warm:
                waits[k][0] += env.now - t0
                waits[k][1] += 1
            yield env.timeout(rng.expovariate(mu[k]))

    def customer(idx):
        yield from visit(0, idx)
        yield from visit(1 if rng.random() < p["pB"] else 2, idx)
        done[0] += 1

    def source():
        for idx in range(n):
            env.process(customer(idx))
            yield env.timeout(rng.expovariate(p["lambda"]))

    env.process(source())
    env.run()
    return waits, done[0]


def run_classic(S, p, seed):
    rng = random.Random(seed)
    sim = S.Simulation()
    pools = [S.Resource(capacity=q["c"], sim=sim) for q in p["pools"]]
    mu = [q["mu"] for q in p["pools"]]
    waits = [[0.0, 0] for _ in pools]
    done = [0]
    n, warm = p["customers"], p["warmup"]

    class Customer(S.Process):
        def run(self, idx):
            for k in (0, 1 if rng.random() < p["pB"] else 2):
                t0 = sim.now()
                yield S.request, self, pools[k]
                if idx >= warm:
                    waits[k][0] += sim.now() - t0
                    waits[k][1] += 1
                yield S.hold, self, rng.expovariate(mu[k])
                yield S.release, self, pools[k]
            done[0] += 1

    class Source(S.Process):
        def run(self):
            for idx in range(n):
                c = Customer(sim=sim)
                sim.activate(c, c.run(idx))
                yield S.hold, self, rng.expovariate(p["lambda"])

    src = Source(sim=sim)
    sim.activate(src, src.run())
    sim.simulate(until=1e300)
    return waits, done[0]


def main():
    p = json.loads(sys.argv[1])
    try:
        import simpy

        run, mod, version = run_modern, simpy, getattr(simpy, "__version__", "3+")
    except ImportError:
        import SimPy.Simulation as S

        run, mod, version = run_classic, S, "2 (" + S.__file__ + ")"
    reps = []
    for r in range(p["replicates"]):
        t0 = time.process_time()
        waits, done = run(mod, p, p["seed"] + r)
        reps.append({"waits": [w / k if k else None for w, k in waits], "customers": done, "seconds": time.process_time() - t0})
    print(json.dumps({"simpy": version, "python": sys.version.split()[0], "replicates": reps}))


if __name__ == "__main__":
    main()
