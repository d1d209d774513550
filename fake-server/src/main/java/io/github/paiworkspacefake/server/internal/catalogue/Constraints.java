package io.github.paiworkspacefake.server.internal.catalogue;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a parameter's value must keep, as the catalogue declares them; each is checked by the request pipeline
 * for every operation.
 *
 * @param required   whether it must be given (an empty string counts as not given)
 * @param enumValues the values allowed, spelled exactly, or empty for any
 * @param minLength  the fewest characters (Unicode code points), or null
 * @param maxLength  the most characters, or null
 * @param pattern    a regular expression the whole value must match, or null
 * @param patternText the pattern in words, for messages, or null
 * @param minimum    the smallest number, or null
 * @param maximum    the largest number, or null
 */
public record Constraints(
        boolean required,
        List<String> enumValues,
        Integer minLength,
        Integer maxLength,
        Pattern pattern,
        String patternText,
        Long minimum,
        Long maximum) {

    public static final Constraints NONE = new Constraints(false, List.of(), null, null, null, null, null, null);

    /** How many rules these are, for the coverage table. */
    public int ruleCount() {
        return (required ? 1 : 0)
                + (enumValues.isEmpty() ? 0 : 1)
                + (minLength == null && maxLength == null ? 0 : 1)
                + (pattern == null ? 0 : 1)
                + (minimum == null && maximum == null ? 0 : 1);
    }
}
