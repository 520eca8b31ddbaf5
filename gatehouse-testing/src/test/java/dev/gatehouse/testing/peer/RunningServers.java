package dev.gatehouse.testing.peer;

import java.util.EnumMap;
import java.util.Map;

/** One Library server per peer, started together for a test class and closed together. */
final class RunningServers implements AutoCloseable {

  private final Map<ForeignPeer, PeerServer> servers = new EnumMap<>(ForeignPeer.class);

  static RunningServers startAll() {
    RunningServers running = new RunningServers();
    try {
      for (ForeignPeer peer : ForeignPeer.values()) {
        running.servers.put(peer, peer.startServer());
      }
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
    return running;
  }

  PeerServer of(ForeignPeer peer) {
    return servers.get(peer);
  }

  @Override
  public void close() {
    servers.values().forEach(PeerServer::close);
    servers.clear();
  }
}
