package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.query.paging.PageRequest;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The change requests as the decisions recorded up to an instant made them, as the change request
 * queries read them; the as-of history implements it ({@code asof.PointInTime}).
 */
public interface ChangeRequestsAsOf {

    /** The project's change requests, newest submitted first. */
    List<ChangeRequestView> changeRequests(ProjectId id);

    /**
     * The change requests across projects as they were at the instant, newest submitted first,
     * with the live inbox's order and keys ({@code page.after()}: the last row seen).
     */
    List<ChangeRequestView> changeRequestInbox(ChangeRequestFilter filter, PageRequest<ChangeRequests.InboxKey> page);

    /**
     * How many change requests of each project were pending (SUBMITTED or ASSESSED) at the
     * instant; projects with none are absent. One read for all the projects.
     */
    Map<ProjectId, Integer> pendingChangeRequests(Collection<ProjectId> projectIds);
}
