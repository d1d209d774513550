package io.github.paiworkspacefake.junit;

/** How long one fake lives under {@link WithFakePaiWorkspace}. */
public enum FakeLifecycle {
    /** A fresh fake for every test: nothing leaks from one test to the next. */
    PER_TEST,
    /** One fake for the whole class, reset (and re-seeded) before each test: faster for large classes. */
    PER_CLASS
}
