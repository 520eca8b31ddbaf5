package dev.gatehouse.lens.support;

import dev.gatehouse.h2.event.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes chunks of one TCP connection as a classic pcap file (link type RAW: IPv4 packets), with a three-way
 * handshake and consistent sequence numbers, so tshark reassembles the stream as it would a live capture. Checksums
 * are left at zero; tshark does not verify them by default.
 */
public final class PcapWriter {

  private static final int LINKTYPE_RAW = 101;
  private static final int MAX_SEGMENT = 16_000;
  private static final int SYN = 0x02;
  private static final int ACK = 0x10;
  private static final int PSH = 0x08;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final int clientPort;
  private final int serverPort;
  private final long[] seq = {1_000, 5_000};
  private long micros;

  private PcapWriter(int clientPort, int serverPort) {
    this.clientPort = clientPort;
    this.serverPort = serverPort;
    ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262_144)
        .putInt(LINKTYPE_RAW);
    out.writeBytes(header.array());
  }

  /** Writes {@code chunks} (one connection's, in order) to {@code file}. */
  public static void write(Path file, int clientPort, int serverPort, List<ChunkRecorder.Chunk> chunks)
      throws IOException {
    PcapWriter pcap = new PcapWriter(clientPort, serverPort);
    pcap.segment(Direction.CLIENT, SYN, new byte[0], 0, 0);
    pcap.segment(Direction.SERVER, SYN | ACK, new byte[0], 0, 0);
    pcap.segment(Direction.CLIENT, ACK, new byte[0], 0, 0);
    for (ChunkRecorder.Chunk chunk : chunks) {
      byte[] bytes = chunk.bytes();
      for (int offset = 0; offset < bytes.length; offset += MAX_SEGMENT) {
        pcap.segment(chunk.sender(), ACK | PSH, bytes, offset, Math.min(MAX_SEGMENT, bytes.length - offset));
      }
    }
    Files.write(file, pcap.out.toByteArray());
  }

  private void segment(Direction sender, int flags, byte[] data, int offset, int length) {
    int side = sender.ordinal();
    boolean client = sender == Direction.CLIENT;
    ByteBuffer packet = ByteBuffer.allocate(40 + length);
    packet.put((byte) 0x45).put((byte) 0).putShort((short) (40 + length)).putShort((short) 0)
        .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
        .put(new byte[] {127, 0, 0, (byte) (client ? 1 : 2)}).put(new byte[] {127, 0, 0, (byte) (client ? 2 : 1)});
    long ackNumber = (flags & ACK) != 0 ? seq[1 - side] : 0;
    packet.putShort((short) (client ? clientPort : serverPort)).putShort((short) (client ? serverPort : clientPort))
        .putInt((int) seq[side]).putInt((int) ackNumber).put((byte) 0x50).put((byte) flags)
        .putShort((short) 0xffff).putShort((short) 0).putShort((short) 0);
    packet.put(data, offset, length);
    seq[side] += length + ((flags & SYN) != 0 ? 1 : 0);
    micros += 10;
    ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    record.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(40 + length)
        .putInt(40 + length);
    out.writeBytes(record.array());
    out.writeBytes(packet.array());
  }
}
