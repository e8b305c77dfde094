package org.cellarena.model.config;

import com.google.gson.JsonObject;
import org.cellarena.model.data.DataConfig;
import org.cellarena.model.rcnn.MaskRcnnConfig;

/**
 * A full training configuration: the model, the data pipeline, the schedule, the seed, an optional pretrained
 * backbone file, and the JSON it was read from (after {@code --set} overrides), which is saved with the run.
 */
public record TrainConfig(MaskRcnnConfig model, DataConfig data, Schedule schedule, long seed, String pretrained,
    JsonObject json) {}
