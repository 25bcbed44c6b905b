package dev.copydesk.streams;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.DeadLetter;
import dev.copydesk.avro.DuplicateNotice;

/**
 * What a record became at a stage of the topology: an article to go on, a duplicate notice, or a dead letter.
 * Lives only between processors of one sub-topology, never serialised.
 */
public sealed interface Step {

    record Ok(Article article) implements Step {}

    record Duplicate(DuplicateNotice notice) implements Step {}

    record Failed(DeadLetter deadLetter) implements Step {}
}
