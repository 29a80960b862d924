package dev.portfolioledger.api.resource;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The resource's skills are now these (the whole list). */
@Revision("1")
public record ResourceSkillsRevisedEvent(
        ResourceId resourceId,
        List<Skill> skills) implements ResourceEvent {
}
