package dev.portfolioledger.query.project;

import dev.portfolioledger.api.project.ProjectStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectStatusCountsTest {

    @Test
    void countsEachStatusAndTotalsThem() {
        ProjectStatusCounts counts = ProjectStatusCounts.of(Map.of(
                ProjectStatus.PROPOSED, 1, ProjectStatus.APPROVED, 2, ProjectStatus.ACTIVE, 3,
                ProjectStatus.ON_HOLD, 4, ProjectStatus.CLOSED, 5, ProjectStatus.CANCELLED, 6));

        assertThat(counts).isEqualTo(new ProjectStatusCounts(1, 2, 3, 4, 5, 6));
        assertThat(counts.total()).isEqualTo(21);
    }

    @Test
    void statusesWithoutProjectsCountZero() {
        ProjectStatusCounts counts = ProjectStatusCounts.of(Map.of(ProjectStatus.ON_HOLD, 2));

        assertThat(counts).isEqualTo(new ProjectStatusCounts(0, 0, 0, 2, 0, 0));
        assertThat(counts.total()).isEqualTo(2);
        assertThat(ProjectStatusCounts.NONE.total()).isZero();
    }
}
