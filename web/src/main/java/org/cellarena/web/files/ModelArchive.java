package org.cellarena.web.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.cellarena.web.refusal.Refusal;

/**
 * The guard on a model archive (web/docs/model-competitions.md): a zip of at most {@link #MAX_ENTRIES} plain
 * files at its root, named as the design says, with exactly one weights file and a {@code config.json}. Its
 * central directory is read first (names, sizes and the external attributes, where a link or a folder shows),
 * before a byte is inflated; then each entry is unpacked, counted as it inflates. Every refusal is a 400 that
 * names the entry and the rule.
 */
public final class ModelArchive {
  public static final int MAX_ENTRIES = 8;
  public static final String CONFIG = "config.json";
  public static final String STATE = "model.json";
  public static final List<String> WEIGHTS = List.of("model.params", "model.safetensors", "model.npz");
  /**
   * The most an archive's files may inflate to, together: the model module's cap on the weights (1 GiB,
   * model/ModelArchive.MAX_WEIGHTS_BYTES, which this module cannot import) and 2 MiB for the JSON files.
   */
  public static final long MAX_UNPACKED_BYTES = (1L << 30) + (2L << 20);
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int END_OF_CENTRAL = 0x06054b50;
  private static final int END_RECORD_BYTES = 22;
  private static final int MAX_COMMENT = 0xffff;
  private static final int UNIX_HOST = 3;
  private static final int FILE_TYPE_MASK = 0170000;
  private static final int REGULAR_FILE = 0100000;
  private static final int MSDOS_DIRECTORY = 0x10;

  private ModelArchive() {}

  /** One entry as the central directory declares it. */
  private record Entry(String name, long compressedSize, long size, int madeBy, int externalAttributes) {}

  /**
   * Checks the archive and unpacks it into {@code target} (an empty folder).
   *
   * @param maxRatio the most bytes an entry may inflate to per compressed byte
   * @param space the free space to keep: refused (507) when the files would not leave it
   * @return the weights file's name
   */
  public static String unpack(Path archive, Path target, int maxRatio, DiskSpace space) {
    List<Entry> entries = centralDirectory(archive);
    String weights = checkNames(entries);
    long total = 0;
    for (Entry e : entries) {
      total += e.size();
      if (e.size() > (long) maxRatio * Math.max(1, e.compressedSize())) {
        throw Refusal.badRequest("the model archive's entry " + e.name() + " inflates more than " + maxRatio
            + " times its compressed size; such archives are refused");
      }
    }
    if (total > MAX_UNPACKED_BYTES) {
      throw Refusal.badRequest("the model archive's files come to " + total / (1024 * 1024) + " MB unpacked, over "
          + "the limit of " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB");
    }
    space.check(total);
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      if (zip.size() != entries.size()) {
        throw Refusal.badRequest("the model archive's central directory is inconsistent; pack it again");
      }
      for (Entry e : entries) {
        ZipEntry entry = zip.getEntry(e.name());
        if (entry == null) {
          throw Refusal.badRequest("the model archive's entry " + e.name() + " cannot be read; pack it again");
        }
        extract(zip, entry, target.resolve(e.name()), e, space);
      }
    } catch (ZipException e) {
      throw Refusal.badRequest("the model archive is not a valid zip; pack it again");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return weights;
  }

  private static void extract(ZipFile zip, ZipEntry entry, Path file, Entry e, DiskSpace space) throws IOException {
    try (InputStream in = zip.getInputStream(entry);
         OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
      byte[] buffer = new byte[1 << 16];
      long copied = 0;
      for (int n; (n = read(in, buffer, e.name())) > 0; ) {
        copied += n;
        if (copied > e.size()) {
          throw Refusal.badRequest("the model archive's entry " + e.name() + " inflates past the size it declares ("
              + e.size() + " bytes)");
        }
        try {
          out.write(buffer, 0, n);
        } catch (IOException written) {
          if (space.explain(written) instanceof Refusal full) {
            throw full;
          }
          throw written;
        }
      }
    }
  }

  /** Reads inflated bytes; data that ends early or does not inflate is the team's archive's fault (400). */
  private static int read(InputStream in, byte[] buffer, String name) {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw Refusal.badRequest("the model archive is truncated or corrupt (entry " + name + "); pack it again");
    }
  }

  private static String checkNames(List<Entry> entries) {
    if (entries.size() > MAX_ENTRIES) {
      throw tooManyEntries(entries.size());
    }
    Set<String> seen = new HashSet<>();
    String weights = null;
    for (Entry e : entries) {
      String name = e.name();
      if (name.contains("/") || name.contains("\\") || name.contains("..")) {
        throw Refusal.badRequest("the model archive's entry " + shown(name) + " is not a plain name at its root "
            + "(no '/', '\\' or '..')");
      }
      if (!name.equals(CONFIG) && !name.equals(STATE) && !WEIGHTS.contains(name)) {
        throw Refusal.badRequest("the model archive's entry " + shown(name) + " is not one of " + CONFIG + ", "
            + String.join(", ", WEIGHTS) + ", " + STATE);
      }
      if (!regularFile(e)) {
        throw Refusal.badRequest("the model archive's entry " + name + " is a link or another non-regular file; "
            + "only plain files are allowed");
      }
      if (!seen.add(name)) {
        throw Refusal.badRequest("the model archive holds " + name + " twice");
      }
      if (WEIGHTS.contains(name)) {
        if (weights != null) {
          throw Refusal.badRequest("the model archive holds two weights files, " + weights + " and " + name
              + "; send exactly one");
        }
        weights = name;
      }
    }
    if (!seen.contains(CONFIG) || weights == null) {
      throw Refusal.badRequest("the model archive must hold " + CONFIG + " and one weights file (one of "
          + String.join(", ", WEIGHTS) + ")");
    }
    return weights;
  }

  private static boolean regularFile(Entry e) {
    int unixMode = e.externalAttributes() >>> 16;
    if ((e.madeBy() >> 8) == UNIX_HOST && unixMode != 0 && (unixMode & FILE_TYPE_MASK) != REGULAR_FILE) {
      return false;
    }
    return (e.externalAttributes() & MSDOS_DIRECTORY) == 0;
  }

  private static String shown(String name) {
    return '"' + (name.length() > 100 ? name.substring(0, 100) + "..." : name) + '"';
  }

  /** The entries of the central directory, as declared, without inflating anything. */
  private static List<Entry> centralDirectory(Path archive) {
    try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.READ)) {
      long size = ch.size();
      int tailBytes = (int) Math.min(size, END_RECORD_BYTES + MAX_COMMENT);
      ByteBuffer tail = read(ch, size - tailBytes, tailBytes);
      int end = -1;
      for (int i = tailBytes - END_RECORD_BYTES; i >= 0 && end < 0; i--) {
        if (tail.getInt(i) == END_OF_CENTRAL) {
          end = i;
        }
      }
      if (end < 0) {
        throw Refusal.badRequest("the model archive is not a zip (no central directory); pack it with "
            + "cellarena submit --model");
      }
      int count = Short.toUnsignedInt(tail.getShort(end + 10));
      long dirBytes = Integer.toUnsignedLong(tail.getInt(end + 12));
      long dirOffset = Integer.toUnsignedLong(tail.getInt(end + 16));
      if (count > MAX_ENTRIES) {
        throw tooManyEntries(count);
      }
      if (dirOffset + dirBytes > size || dirBytes > 64 * 1024) {
        throw Refusal.badRequest("the model archive's central directory is damaged or too large; pack it again");
      }
      return entries(read(ch, dirOffset, (int) dirBytes), count);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Refusal tooManyEntries(int count) {
    return Refusal.badRequest("the model archive has " + count + " entries; at most " + MAX_ENTRIES
        + " are allowed (" + CONFIG + ", one of " + String.join(", ", WEIGHTS) + ", optionally " + STATE + ")");
  }

  private static List<Entry> entries(ByteBuffer dir, int count) {
    List<Entry> entries = new ArrayList<>();
    int at = 0;
    for (int i = 0; i < count; i++) {
      if (at + 46 > dir.limit() || dir.getInt(at) != CENTRAL_HEADER) {
        throw Refusal.badRequest("the model archive's central directory is damaged; pack it again");
      }
      int nameLength = Short.toUnsignedInt(dir.getShort(at + 28));
      int extra = Short.toUnsignedInt(dir.getShort(at + 30));
      int comment = Short.toUnsignedInt(dir.getShort(at + 32));
      if (at + 46 + nameLength > dir.limit()) {
        throw Refusal.badRequest("the model archive's central directory is damaged; pack it again");
      }
      long compressed = Integer.toUnsignedLong(dir.getInt(at + 20));
      long size = Integer.toUnsignedLong(dir.getInt(at + 24));
      if (compressed == 0xffffffffL || size == 0xffffffffL) {
        throw Refusal.badRequest("the model archive is a zip64 archive or holds a file over 4 GB; neither is "
            + "accepted");
      }
      byte[] name = new byte[nameLength];
      dir.get(at + 46, name);
      entries.add(new Entry(new String(name, StandardCharsets.UTF_8), compressed, size,
          Short.toUnsignedInt(dir.getShort(at + 4)), dir.getInt(at + 38)));
      at += 46 + nameLength + extra + comment;
    }
    return entries;
  }

  private static ByteBuffer read(FileChannel ch, long position, int bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (ch.read(buffer, position + buffer.position()) < 0) {
        throw Refusal.badRequest("the model archive ends early: it is truncated");
      }
    }
    return buffer.flip();
  }
}
