package jp.kawaraban.personal.web;

import java.util.List;
import java.util.Map;

/**
 * The article page's personal buttons: follow its series or column, keywords and entities;
 * save the article; save each figure (by image id).
 */
public record ArticlePersonal(List<FollowButton> follows, SaveButton save, Map<String, SaveButton> figures) {

    public SaveButton figure(String imageId) {
        return figures.get(imageId);
    }
}
