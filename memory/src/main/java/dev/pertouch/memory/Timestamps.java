package dev.pertouch.memory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** How instants travel to and from {@code TIMESTAMP WITH TIME ZONE} columns. */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * H2 and PostgreSQL both keep microseconds; truncating before storing makes a record read back
     * equal to the one written.
     */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant now() {
        return storable(Instant.now());
    }

    // OffsetDateTime is the type both drivers map to this column; neither accepts Instant directly
    static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant read(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
