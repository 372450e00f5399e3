package org.mlopt.plan;

/**
 * A value passed between steps. {@code external} artifacts (input files) have no producing step.
 *
 * @param id    unique in the graph; a name that changes (a model retrained, data preprocessed)
 *              gets a new version ({@code clf#2})
 * @param shape rows x features for datasets, {@link Shape#UNKNOWN} otherwise
 */
public record Artifact(String id, ArtifactKind kind, String description, Shape shape, boolean external) {

    public Artifact {
        if (shape == null) shape = Shape.UNKNOWN;
    }
}
