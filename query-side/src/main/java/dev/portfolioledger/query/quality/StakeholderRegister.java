package dev.portfolioledger.query.quality;

import dev.portfolioledger.api.quality.StakeholderDetails;

import java.util.ArrayList;
import java.util.List;

/**
 * The stakeholders of a project with the interest/influence grid, as {@code Project.stakeholders}
 * shows them.
 *
 * @param stakeholders at most {@link #MAX_LISTED}, in registration order
 * @param grid         all 25 cells, interest 1 to 5, and for each influence 1 to 5
 */
public record StakeholderRegister(List<StakeholderView> stakeholders, List<GridCell> grid, Quadrants quadrants) {

    /** The most stakeholders listed (see the query cost limit). */
    public static final int MAX_LISTED = 200;
    public static final int GRID_CELLS = StakeholderDetails.MAX_RATING * StakeholderDetails.MAX_RATING;

    /** One cell of the grid. */
    public record GridCell(int interest, int influence, int count) {
    }

    /** Counts per quadrant. */
    public record Quadrants(int manageClosely, int keepSatisfied, int keepInformed, int monitor) {
    }

    /** Counts every stakeholder (listed or not) in the grid and the quadrants. */
    public static StakeholderRegister of(List<StakeholderView> all) {
        int size = StakeholderDetails.MAX_RATING;
        int[][] counts = new int[size][size];
        int[] quadrants = new int[StakeholderView.Engagement.values().length];
        for (StakeholderView stakeholder : all) {
            counts[stakeholder.details().interest() - 1][stakeholder.details().influence() - 1]++;
            quadrants[stakeholder.engagement().ordinal()]++;
        }
        List<GridCell> grid = new ArrayList<>(GRID_CELLS);
        for (int interest = 1; interest <= size; interest++) {
            for (int influence = 1; influence <= size; influence++) {
                grid.add(new GridCell(interest, influence, counts[interest - 1][influence - 1]));
            }
        }
        return new StakeholderRegister(all.size() <= MAX_LISTED ? all : all.subList(0, MAX_LISTED), grid,
                new Quadrants(quadrants[StakeholderView.Engagement.MANAGE_CLOSELY.ordinal()],
                        quadrants[StakeholderView.Engagement.KEEP_SATISFIED.ordinal()],
                        quadrants[StakeholderView.Engagement.KEEP_INFORMED.ordinal()],
                        quadrants[StakeholderView.Engagement.MONITOR.ordinal()]));
    }
}
