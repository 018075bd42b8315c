package dev.strangler.gateway.rollout;

/** One step of a rollout plan: shadow traffic only, or a share of the route's users on the target. */
public sealed interface RolloutStep permits RolloutStep.Shadowing, RolloutStep.Weight {

    /** The route's weight during this step (0 while shadowing). */
    int weight();

    /** Whether this step copies traffic to the target instead of serving users from it. */
    boolean isShadow();

    /** As the route file writes it: {@code shadow} or the weight. */
    String label();

    /** Parses {@code shadow} or a whole number 1–100. */
    static RolloutStep parse(String text) {
        if ("shadow".equals(text)) {
            return new Shadowing();
        }
        try {
            return new Weight(Integer.parseInt(String.valueOf(text).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a rollout step must be 'shadow' or a weight 1-100, but was '" + text + "'");
        }
    }

    /** Weight 0 with shadow traffic on: the target answers copies only, which are compared with the monolith's. */
    record Shadowing() implements RolloutStep {
        @Override
        public int weight() {
            return 0;
        }

        @Override
        public boolean isShadow() {
            return true;
        }

        @Override
        public String label() {
            return "shadow";
        }
    }

    /**
     * A share of the route's users served by the target, shadow traffic off.
     *
     * @param weight 1–100
     */
    record Weight(int weight) implements RolloutStep {
        public Weight {
            if (weight < 1 || weight > 100) {
                throw new IllegalArgumentException("a rollout step's weight must be between 1 and 100, but was " + weight);
            }
        }

        @Override
        public boolean isShadow() {
            return false;
        }

        @Override
        public String label() {
            return String.valueOf(weight);
        }
    }
}
