package dev.portfolioledger.query.asof;

import dev.portfolioledger.query.changerequest.ChangeRequestView;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.program.ProgramView;
import dev.portfolioledger.query.project.ProjectPlan;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.query.quality.ProjectQualityView;
import dev.portfolioledger.query.resource.ResourceView;

/** The views that keep their versions, each with the record type its versions hold. */
public enum ViewKind {
    PORTFOLIO(PortfolioView.class),
    PROGRAM(ProgramView.class),
    PROJECT(ProjectView.class),
    PLAN(ProjectPlan.class),
    CHANGE_REQUEST(ChangeRequestView.class),
    RESOURCE(ResourceView.class),
    /** A project's stakeholders and the quality of its deliverables, keyed by the project. */
    QUALITY(ProjectQualityView.class);

    private final Class<?> viewType;

    ViewKind(Class<?> viewType) {
        this.viewType = viewType;
    }

    public Class<?> viewType() {
        return viewType;
    }
}
