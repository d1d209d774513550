package example;

import io.github.paiworkspacefake.junit.WithFakePaiWorkspace;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A team's own annotation that carries {@code @WithFakePaiWorkspace} with the team's settings. */
// docs:begin team-fake
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithFakePaiWorkspace(regionId = "cn-beijing", accessKeys = "LTAI5tTeamKey:TeamSecret")
@interface TeamFake {}
// docs:end team-fake
