package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A skill of a resource with its level, 1 (novice) to 5 (expert). */
public record Skill(String name, int level) {

    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 5;
    public static final int MAX_SKILLS = 50;

    /** As a command carries it: a name, and a level in range. */
    public static Skill checked(Skill skill, String field) {
        Checks.required(skill, field);
        String name = Checks.name(skill.name(), field + ".name");
        if (skill.level() < MIN_LEVEL || skill.level() > MAX_LEVEL) {
            throw Checks.invalid(field + ".level must be between " + MIN_LEVEL + " and " + MAX_LEVEL);
        }
        return new Skill(name, skill.level());
    }

    /** A resource's skills as a command carries them: each checked, no name twice (ignoring case). */
    public static List<Skill> checkedList(List<Skill> skills, String field) {
        List<Skill> given = skills == null ? List.of() : skills;
        if (given.size() > MAX_SKILLS) {
            throw Checks.invalid(field + " may hold at most " + MAX_SKILLS + " skills");
        }
        Set<String> names = new HashSet<>();
        List<Skill> checked = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Skill skill = checked(given.get(i), field + "[" + i + "]");
            if (!names.add(skill.name().toLowerCase(Locale.ROOT))) {
                throw Checks.invalid(field + "[" + i + "] names skill \"" + skill.name() + "\" a second time");
            }
            checked.add(skill);
        }
        return List.copyOf(checked);
    }
}
