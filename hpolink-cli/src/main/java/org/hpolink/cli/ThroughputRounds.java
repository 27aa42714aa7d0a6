package org.hpolink.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of a throughput benchmark: threads, timed rounds over all inputs, and untimed warm-up rounds before
 * them so that the JIT has compiled the code being timed. Each benchmark sets its own default rounds.
 */
final class ThroughputRounds {

    @Option(names = "--threads", paramLabel = "N", description = "Run on N threads (default: ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--rounds", paramLabel = "N", description = "Timed rounds over all inputs (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Untimed rounds before them, so that the JIT has compiled the timed code (default: ${DEFAULT-VALUE}).")
    int warmup;

    ThroughputRounds(int rounds, int warmup) {
        this.rounds = rounds;
        this.warmup = warmup;
    }

    /** Items per second of {@code round}, one pass over {@code items} items: the warm-up rounds, then the timed ones. */
    double perSecond(int items, Runnable round) {
        for (int i = 0; i < warmup; i++) {
            round.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            round.run();
        }
        return (double) rounds * items / ((System.nanoTime() - start) / 1e9);
    }

    void check(CommandSpec spec) {
        OptionChecks.requireAtLeast(spec, "--threads", threads, 1);
        OptionChecks.requireAtLeast(spec, "--rounds", rounds, 1);
        OptionChecks.requireAtLeast(spec, "--warmup", warmup, 0);
    }
}
