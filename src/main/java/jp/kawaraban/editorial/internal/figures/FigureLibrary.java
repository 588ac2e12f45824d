package jp.kawaraban.editorial.internal.figures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import jp.kawaraban.editorial.StoredFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code editorial_figure}, the desk's list of uploaded figures. */
@Repository
public class FigureLibrary {

    private final JdbcClient jdbc;

    FigureLibrary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredFigure figure, String uploaderId, int byteSize) {
        jdbc.sql("""
                        insert into editorial_figure (id, file_name, caption, credit, content_type, width, height,
                                                      byte_size, uploaded_by, uploaded_by_name, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(figure.id(), figure.fileName(), figure.caption(), figure.credit(), figure.contentType(),
                        figure.width(), figure.height(), byteSize, uploaderId, figure.uploadedBy(),
                        Timestamp.from(figure.uploadedAt()))
                .update();
    }

    public List<StoredFigure> recent(int limit) {
        return jdbc.sql("""
                        select id, file_name, caption, credit, content_type, width, height, uploaded_by_name, uploaded_at
                        from editorial_figure order by uploaded_at desc, id limit ?
                        """)
                .param(limit).query(FigureLibrary::figure).list();
    }

    private static StoredFigure figure(ResultSet rs, int row) throws SQLException {
        return new StoredFigure(rs.getString("id"), rs.getString("file_name"), rs.getString("caption"),
                rs.getString("credit"), rs.getString("content_type"), rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class), rs.getString("uploaded_by_name"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
