package io.imagine4j.reliability.matrix;

import io.imagine4j.reliability.secrets.SecretScan;

/** What a provider's matrix scans once its cells have run: every object, meter, row and log line, for the key. */
final class MatrixSecrets {

    private MatrixSecrets() {
    }

    static void scan(Lab lab) throws Exception {
        try {
            SecretScan.instances(lab.seen());
            SecretScan.meters(lab.meters());
            SecretScan.sqlite(lab.databaseFile());
            SecretScan.logs();
        } finally {
            lab.close();
        }
    }
}
