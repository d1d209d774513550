package io.github.paiworkspacefake.server.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A block of client addresses in CIDR notation, such as {@code 172.16.0.0/12} or {@code fd00::/8}; a bare address
 * means just that address. Only literal addresses are read, never host names, so parsing asks no DNS server.
 */
@SuppressWarnings("ArrayRecordComponent") // compared by text(), its bytes never leave the class
public record AddressRange(byte[] network, int prefixLength, String text) {

    public AddressRange {
        Objects.requireNonNull(network, "network");
        network = network.clone();
    }

    /** Reads {@code ADDRESS[/PREFIX]}; an {@link IllegalArgumentException} names what is wrong. */
    public static AddressRange parse(String cidr) {
        Objects.requireNonNull(cidr, "cidr");
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address, cidr);
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = text.substring(slash + 1);
            try {
                prefix = Integer.parseInt(prefixText);
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits || !prefixText.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException(
                        "\"" + cidr + "\" is not a CIDR block: the prefix length must be 0 to " + bits);
            }
        }
        return new AddressRange(mask(bytes, prefix), prefix, text);
    }

    /** Whether the address lies in this block; IPv4 addresses never match IPv6 blocks and the other way round. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    private static byte[] literal(String address, String cidr) {
        boolean ipv4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
        if (ipv4 || ipv6) {
            try {
                // a literal address: getByName parses it without any lookup
                return InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("\"" + cidr + "\" is not a CIDR block such as 172.16.0.0/12 or fd00::/8");
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xFF << (8 - keep));
        }
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range
                && range.prefixLength == prefixLength
                && Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
