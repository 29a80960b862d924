package dev.portfolioledger.query.status;

import dev.portfolioledger.api.status.Rag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A portfolio's projects by reported and by suggested overall RAG (GraphQL {@code PortfolioHealth}),
 * with the projects whose latest report rates a dimension GREEN where the numbers say RED. Built
 * in one pass over the projects ({@link #of}); every list is in the order the projects come in.
 *
 * @param at      the status date of the numbers
 * @param knownAt the record time of the reports and numbers (the read's instant)
 */
public record PortfolioHealth(LocalDate at, Instant knownAt, int projectCount, RagGroups byReported,
                              RagGroups bySuggested, List<ProjectHealth> disagreements) {

    public PortfolioHealth {
        disagreements = List.copyOf(disagreements);
    }

    public int disagreementCount() {
        return disagreements.size();
    }

    /** The projects under each rating, and those without one (no report, or nothing to suggest from). */
    public record RagGroups(HealthGroup green, HealthGroup amber, HealthGroup red, HealthGroup none) {
    }

    /** The projects of one rating: how many, and which. */
    public record HealthGroup(int count, List<ProjectHealth> projects) {

        public HealthGroup {
            projects = List.copyOf(projects);
        }
    }

    /** The health of these projects (in listing order). */
    public static PortfolioHealth of(LocalDate at, Instant knownAt, List<ProjectHealth> projects) {
        return new PortfolioHealth(at, knownAt, projects.size(),
                                   groups(projects, p -> p.reported() == null ? null : p.reported().overall()),
                                   groups(projects, p -> p.suggested().overall()),
                                   projects.stream().filter(p -> !p.disagreements().isEmpty()).toList());
    }

    private static RagGroups groups(List<ProjectHealth> projects, Function<ProjectHealth, Rag> rating) {
        Map<Rag, List<ProjectHealth>> by = new EnumMap<>(Rag.class);
        List<ProjectHealth> none = new ArrayList<>();
        for (ProjectHealth project : projects) {
            Rag rag = rating.apply(project);
            if (rag == null) {
                none.add(project);
            } else {
                by.computeIfAbsent(rag, k -> new ArrayList<>()).add(project);
            }
        }
        return new RagGroups(group(by.get(Rag.GREEN)), group(by.get(Rag.AMBER)), group(by.get(Rag.RED)),
                             group(none));
    }

    private static HealthGroup group(List<ProjectHealth> projects) {
        return projects == null ? new HealthGroup(0, List.of()) : new HealthGroup(projects.size(), projects);
    }
}
