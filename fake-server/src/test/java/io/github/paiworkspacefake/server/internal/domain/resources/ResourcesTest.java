package io.github.paiworkspacefake.server.internal.domain.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The resource engine that serves the long tail of workspace-owned resources. */
class ResourcesTest {

    private static final ResourceSpec DATASET =
            Catalogue.get().resource("Dataset").orElseThrow();
    private static final ResourceSpec VERSION =
            Catalogue.get().resource("DatasetVersion").orElseThrow();
    private static final ResourceSpec CODE_SOURCE =
            Catalogue.get().resource("CodeSource").orElseThrow();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05.678Z"));
    private final Resources resources = new Resources(clock);

    private Resource dataset(String account, String workspace, String name) {
        return resources.create(DATASET, Resources.Creation.in(account, workspace, Map.of("Name", name)));
    }

    @Test
    void givesIdsInTheTypesFormNeverTwice() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 2_000)
                .forEach(i -> ids.add(dataset("1", "100", "n" + i).id()));

        assertThat(ids).hasSize(2_000).allSatisfy(id -> assertThat(id).matches("d-[0-9a-z]{13}"));
        assertThat(resources
                        .create(CODE_SOURCE, Resources.Creation.in("1", "100", Map.of()))
                        .id())
                .startsWith("code-");
    }

    @Test
    void keepsItsIdAndTimesAmongItsMembers() {
        Resource created = dataset("1", "100", "first");

        assertThat(created.fields())
                .containsEntry("DatasetId", created.id())
                .containsEntry("Name", "first")
                .containsEntry("GmtCreateTime", Instant.parse("2026-01-02T03:04:05.678Z"))
                .containsEntry("GmtModifiedTime", Instant.parse("2026-01-02T03:04:05.678Z"));
        assertThat(resources
                        .create(CODE_SOURCE, Resources.Creation.in("1", "100", Map.of()))
                        .fields())
                .containsKey("GmtModifyTime")
                .doesNotContainKey("GmtModifiedTime");
    }

    @Test
    void anUpdateKeepsTheIdAndAdvancesTheModificationTime() {
        Resource created = dataset("1", "100", "first");

        Resource first = resources.update(DATASET, "1", null, created.id(), fields -> {
            fields.put("Name", "second");
            fields.put("DatasetId", "forged");
            return fields;
        });
        Resource second = resources.update(DATASET, "1", null, created.id(), fields -> fields);
        clock.now = clock.now.plus(Duration.ofSeconds(5));
        Resource third = resources.update(DATASET, "1", null, created.id(), fields -> fields);

        assertThat(first.id()).isEqualTo(created.id());
        assertThat(first.field("DatasetId")).isEqualTo(created.id());
        assertThat(first.field("Name")).isEqualTo("second");
        assertThat((Instant) second.field("GmtModifiedTime")).isAfter((Instant) first.field("GmtModifiedTime"));
        assertThat(third.field("GmtModifiedTime")).isEqualTo(Instant.parse("2026-01-02T03:04:10.678Z"));
        assertThat(third.field("GmtCreateTime")).isEqualTo(created.field("GmtCreateTime"));
    }

    @Test
    void anotherAccountsResourceIsNotFoundInTheFamilysTerms() {
        Resource created = dataset("1", "100", "mine");

        assertThat(resources.find(DATASET, "2", null, created.id())).isEmpty();
        ApiException notFound = catchThrowableOfType(
                ApiException.class, () -> resources.update(DATASET, "2", null, created.id(), fields -> fields));
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.code()).isEqualTo("201300003");
        assertThat(resources.list(DATASET, "2", null, r -> true)).isEmpty();
    }

    @Test
    void childrenLiveUnderTheirParentAndGoWithIt() {
        Resource one = dataset("1", "100", "one");
        Resource two = dataset("1", "100", "two");
        resources.create(
                VERSION,
                Resources.Creation.in("1", null, Map.of()).under(one.id()).withId("v1"));
        resources.create(
                VERSION,
                Resources.Creation.in("1", null, Map.of()).under(two.id()).withId("v1"));

        resources.remove(DATASET, "1", null, one.id());

        assertThat(resources.find(VERSION, "1", one.id(), "v1")).isEmpty();
        assertThat(resources.find(VERSION, "1", two.id(), "v1")).isPresent();
        assertThat(catchThrowableOfType(
                                ApiException.class,
                                () -> resources.create(
                                        VERSION,
                                        Resources.Creation.in("1", null, Map.of())
                                                .under(two.id())
                                                .withId("v1")))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aWorkspacesResourcesGoWithTheWorkspace() {
        Resource kept = dataset("1", "100", "kept");
        Resource gone = dataset("1", "200", "gone");
        resources.create(
                VERSION,
                Resources.Creation.in("1", null, Map.of()).under(gone.id()).withId("v1"));

        resources.removeWorkspace("200");

        assertThat(resources.all()).extracting(Resource::id).containsExactly(kept.id());
    }

    @Test
    void countersOnlyGrow() {
        Resource dataset = dataset("1", "100", "counted");

        assertThat(resources.increment(DATASET, "1", null, dataset.id(), "versions"))
                .isEqualTo(1);
        assertThat(resources.increment(DATASET, "1", null, dataset.id(), "versions"))
                .isEqualTo(2);
        assertThat(resources.get(DATASET, "1", null, dataset.id()).counters()).containsEntry("versions", 2L);
    }

    @Test
    void listsInCreationOrderFilteredByAccountParentAndTest() {
        Resource a = dataset("1", "100", "a");
        dataset("2", "100", "other account");
        Resource c = dataset("1", "100", "c");

        assertThat(resources.list(DATASET, "1", null, r -> true)).containsExactly(a, c);
        assertThat(resources.list(DATASET, "1", null, r -> r.field("Name").equals("c")))
                .containsExactly(c);
        assertThat(resources.list(DATASET, null, null, r -> true)).hasSize(3);
    }

    @Test
    void concurrentCreatesNeverShareAnId() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 4_000)
                .parallel()
                .forEach(i -> ids.add(dataset("1", "100", "n" + i).id()));

        assertThat(ids).hasSize(4_000);
        assertThat(resources.all()).hasSize(4_000);
    }

    @Test
    void loadsAllOrNothingAndContinuesTheSequence() {
        Resource stored = dataset("1", "100", "stored");
        Resource copy =
                new Resource("Dataset", "1", stored.id(), null, "100", 40, Map.of("DatasetId", stored.id()), Map.of());
        Resource orphan = new Resource("DatasetVersion", "1", "v1", "d-nowhere", null, 41, Map.of(), Map.of());
        Resource fresh = new Resource("Dataset", "1", "d-fresh", null, "100", 50, Map.of("Name", "f"), Map.of());

        assertThat(resources.problem(List.of(fresh, copy), false))
                .hasValueSatisfying(problem -> assertThat(problem).contains("resources[1]", "already stored"));
        assertThat(resources.problem(List.of(orphan), false))
                .hasValueSatisfying(problem -> assertThat(problem).contains("parent Dataset d-nowhere"));
        assertThat(resources.problem(List.of(fresh, copy), true)).isEmpty();

        resources.load(List.of(fresh), true);
        Resource next = dataset("1", "100", "next");

        assertThat(resources.all()).extracting(Resource::id).containsExactly("d-fresh", next.id());
        assertThat(next.sequence()).isGreaterThan(50);
    }
}
