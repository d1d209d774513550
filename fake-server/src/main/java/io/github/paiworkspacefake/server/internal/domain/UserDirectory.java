package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The RAM users test code added to accounts; every account also has its own user, which is never stored here. */
public final class UserDirectory {

    private final Map<String, Map<String, User>> ramUsersByAccount = new ConcurrentHashMap<>();
    private final ChangeSink changes;

    public UserDirectory() {
        this(ChangeSink.NONE);
    }

    /** A directory that reports each user it adds or replaces to {@code changes}. */
    public UserDirectory(ChangeSink changes) {
        this.changes = changes;
    }

    /** Adds a user to its account, or replaces the one with its id. The account's own user cannot be replaced. */
    public void add(User user) {
        if (user.isAccount()) {
            throw new IllegalArgumentException("the account's own user (UserId " + user.userId() + ") always exists");
        }
        try (ChangeSink.Scope writing = changes.writing()) {
            ramUsersByAccount
                    .computeIfAbsent(user.accountId(), id -> new ConcurrentHashMap<>())
                    .put(user.userId(), user);
            changes.user(user.accountId(), user.userId());
        }
    }

    /** The RAM user of this account with this id, as stored (the account's own user is never stored). */
    public Optional<User> stored(String accountId, String userId) {
        return Optional.ofNullable(
                ramUsersByAccount.getOrDefault(accountId, Map.of()).get(userId));
    }

    /** The account's users: its own first, then its RAM users in the order of their ids. */
    public List<User> users(Account account) {
        List<User> users = new ArrayList<>();
        users.add(User.of(account));
        ramUsersByAccount.getOrDefault(account.accountId(), Map.of()).values().stream()
                .sorted(Comparator.comparing(User::userId))
                .forEach(users::add);
        return users;
    }

    /** The account's user with this id, its own included. */
    public Optional<User> find(Account account, String userId) {
        if (account.accountId().equals(userId)) {
            return Optional.of(User.of(account));
        }
        return Optional.ofNullable(
                ramUsersByAccount.getOrDefault(account.accountId(), Map.of()).get(userId));
    }

    /** Every RAM user, for snapshots. */
    public List<User> all() {
        return ramUsersByAccount.values().stream()
                .flatMap(users -> users.values().stream())
                .sorted(Comparator.comparing(User::accountId).thenComparing(User::userId))
                .toList();
    }

    /** Replaces every RAM user with these. */
    public void replaceAll(List<User> users) {
        try (ChangeSink.Scope writing = changes.writing()) {
            changes.wholeState();
            ramUsersByAccount.clear();
            users.forEach(this::add);
        }
    }

    public void clear() {
        try (ChangeSink.Scope writing = changes.writing()) {
            changes.wholeState();
            ramUsersByAccount.clear();
        }
    }
}
