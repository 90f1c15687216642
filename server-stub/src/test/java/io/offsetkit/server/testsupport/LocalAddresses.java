package io.offsetkit.server.testsupport;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

/** This machine's own addresses, for tests that must reach a server other than through loopback. */
public final class LocalAddresses {

    private LocalAddresses() {}

    /**
     * An IPv4 address of one of this machine's interfaces that is up and is not loopback: a connection
     * to it stays on this machine, but the server sees a client that is not on loopback.
     */
    public static Optional<InetAddress> nonLoopbackIpv4() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(LocalAddresses::isUpAndNotLoopback)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address)
                    .filter(address -> !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress()
                            && !address.isAnyLocalAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean isUpAndNotLoopback(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
