package example;

/** A base class that the team's tests extend; its annotation is inherited. */
@TeamFake
abstract class TeamTestBase {}
