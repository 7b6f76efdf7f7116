package dev.pagoda.executor.json;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSONB sizes of a document's elements, as SQLite lays the document out when it parses
 * text: each element's header as short as its payload allows. json_each and json_tree report
 * these byte offsets in their {@code id} and {@code parent} columns.
 */
final class JsonSizes {
  private final Map<JsonNode, Long> containerSizes = new IdentityHashMap<>();

  /** The whole encoded size of {@code node}, header included. */
  long size(JsonNode node) {
    long payload = payload(node);
    return JsonNode.headerSize(payload) + payload;
  }

  /** The payload size of {@code node}. */
  long payload(JsonNode node) {
    if (!node.isContainer()) {
      return node.payloadSize();
    }
    Long known = containerSizes.get(node);
    if (known != null) {
      return known;
    }
    long sum = 0;
    for (JsonNode item : node.items) {
      sum += size(item);
    }
    containerSizes.put(node, sum);
    return sum;
  }

  /** The offset of each of {@code container}'s items, given the container's own offset. */
  long[] itemOffsets(JsonNode container, long offset) {
    List<JsonNode> items = container.items;
    long[] out = new long[items.size()];
    long at = offset + JsonNode.headerSize(payload(container));
    for (int i = 0; i < items.size(); i++) {
      out[i] = at;
      at += size(items.get(i));
    }
    return out;
  }

  /**
   * The offset of item {@code index} of {@code holder} within {@code doc} (at offset 0), or -1
   * when it is not there. {@code holder} may be the wrapper of the document itself.
   */
  long offsetOf(JsonNode doc, JsonNode holder, int index) {
    if (holder.items.size() == 1 && holder.items.get(0) == doc && index == 0
        && !contains(doc, holder)) {
      return 0;
    }
    return search(doc, 0, holder, index);
  }

  private static boolean contains(JsonNode node, JsonNode target) {
    if (node == target) {
      return true;
    }
    if (node.isContainer()) {
      for (JsonNode item : node.items) {
        if (item.isContainer() && contains(item, target)) {
          return true;
        }
      }
    }
    return false;
  }

  private long search(JsonNode node, long offset, JsonNode holder, int index) {
    if (!node.isContainer()) {
      return -1;
    }
    long[] offsets = itemOffsets(node, offset);
    if (node == holder) {
      return offsets[index];
    }
    for (int i = 0; i < offsets.length; i++) {
      long found = search(node.items.get(i), offsets[i], holder, index);
      if (found >= 0) {
        return found;
      }
    }
    return -1;
  }
}
