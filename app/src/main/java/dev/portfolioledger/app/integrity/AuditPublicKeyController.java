package dev.portfolioledger.app.integrity;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public key that checkpoints verify with, as a PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo).
 * Public by nature, so served without credentials: a reviewer should get it from here and compare it
 * with the copy published out of band.
 */
@IntegrityEnabled
@RestController
public class AuditPublicKeyController {

    static final MediaType PEM = new MediaType("application", "x-pem-file");

    private final IntegrityKeys keys;

    public AuditPublicKeyController(IntegrityKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/audit/public-key")
    public ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().contentType(PEM).body(keys.publicKeyPem());
    }
}
