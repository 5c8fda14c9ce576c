package dev.governance.jdbc.audit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The bounded hand-off between the threads that record and the one writer thread: many producers, one consumer,
 * no lock and no allocation per item. A producer claims a slot with one compare-and-set and then fills it; the
 * writer takes filled slots in claim order. A lock here (as in {@code ArrayBlockingQueue}) made 64 application
 * threads queue behind each other, and behind the writer, while holding their pooled connections.
 *
 * <p>{@link #offer} returns false when {@code capacity} items wait: the caller decides how to wait (the trail
 * never drops an event). {@link #poll} returns null both when nothing waits and when the next slot is claimed
 * but not yet filled; the order is kept either way, since the writer reads that slot again next time.
 */
final class HandOff<E> {
    private final AtomicReferenceArray<E> slots;
    private final int mask;
    private final int capacity;
    /** The next slot a producer claims. */
    private final AtomicLong tail = new AtomicLong();
    /** The next slot the consumer reads; written by the consumer only. */
    private volatile long head;

    /** {@code capacity} is rounded up to a power of two. */
    HandOff(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
        this.capacity = size;
    }

    int capacity() {
        return capacity;
    }

    /** Any thread: queues {@code item} unless the hand-off is full. */
    boolean offer(E item) {
        long claimed;
        do {
            claimed = tail.get();
            if (claimed - head >= capacity) {
                return false;
            }
        } while (!tail.compareAndSet(claimed, claimed + 1));
        slots.set((int) claimed & mask, item);
        return true;
    }

    /** The consumer thread only: the oldest item, or null. */
    E poll() {
        long h = head;
        int index = (int) h & mask;
        E item = slots.get(index);
        if (item == null) {
            return null;
        }
        slots.lazySet(index, null); // the producer that reuses this slot first sees head move (volatile below)
        head = h + 1;
        return item;
    }

    /** True when no slot is claimed: nothing waits, and nothing is being handed over right now. */
    boolean isEmpty() {
        return head == tail.get();
    }

    /** Items claimed and not yet taken (an estimate while producers are busy). */
    int size() {
        return (int) (tail.get() - head);
    }
}
