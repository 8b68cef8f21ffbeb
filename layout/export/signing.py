"""签版: a page's press PDF signed with a real PDF signature (PAdES, with pyHanko).

The signature is an incremental update appended to the press file exactly as
it was exported, so the bytes the plant prints are the bytes that were signed;
its byte range covers the whole file. A newsroom without certificates makes a
self-signed key with :func:`new_key` (RSA 2048, SHA-256; trust is then by
knowing the certificate, e.g. its fingerprint, not by a certificate authority).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

KEY_YEARS = 5


class SigningError(ValueError):
    """A key that cannot be read or used, or a PDF that cannot be signed."""


def new_key(path: Path, name: str, password: str | None = None) -> str:
    """Write a self-signed signing key and certificate for ``name`` as PKCS#12 to ``path``;
    return the certificate's SHA-256 fingerprint (hex)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365 * KEY_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .sign(key, hashes.SHA256())
    )
    encryption = (serialization.BestAvailableEncryption(password.encode()) if password
                  else serialization.NoEncryption())
    data = pkcs12.serialize_key_and_certificates(b"layout signing key", key, cert, None, encryption)
    path.write_bytes(data)
    path.chmod(0o600)
    return cert.fingerprint(hashes.SHA256()).hex()


def _signer(key: Path, password: str | None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cryptography's DSA deprecation, raised on import
        from pyhanko.sign import signers
    if not key.is_file():
        raise SigningError(f"{key}: no such key file (make one with layout sign --new-key)")
    signer = signers.SimpleSigner.load_pkcs12(str(key), passphrase=password.encode() if password else None)
    if signer is None:
        raise SigningError(f"{key}: not a PKCS#12 key file, or the password is wrong "
                           "(give it in LAYOUT_KEY_PASSWORD)")
    return signer


def signer_name(key: Path, password: str | None = None) -> str:
    """The common name on the key's certificate."""
    cert = _signer(key, password).signing_cert
    return cert.subject.native.get("common_name", "")


def sign_pdf(source: Path, key: Path, *, name: str, role: str, password: str | None = None,
             location: str = "") -> bytes:
    """The PDF ``source`` signed (PAdES baseline B, SHA-256): its bytes followed by the signature."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers
    signer = _signer(key, password)
    meta = signers.PdfSignatureMetadata(
        field_name="签版", md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        reason=f"签版 {role}", name=name, location=location or None)
    with source.open("rb") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        signed = signers.sign_pdf(writer, meta, signer=signer)
    return signed.getvalue()


@dataclass(frozen=True)
class SignatureCheck:
    """What a validator says of a signed PDF's (last) signature."""

    signer: str
    intact: bool
    whole_file: bool
    trusted: bool


def check_signature(path: Path, trust: list[Path] | None = None) -> SignatureCheck:
    """Validate the last signature in ``path`` with pyHanko: intact, covering the whole file,
    and (when ``trust`` names certificates or key files) made by a trusted certificate."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko.sign.validation.status import SignatureCoverageLevel
        from pyhanko_certvalidator import ValidationContext
    roots = [_signer(p, None).signing_cert for p in trust or []]
    with path.open("rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        if not reader.embedded_signatures:
            raise SigningError(f"{path}: has no signature")
        signature = reader.embedded_signatures[-1]
        context = ValidationContext(trust_roots=roots, allow_fetching=False) if roots else None
        status = validate_pdf_signature(signature, context)
        return SignatureCheck(
            signer=status.signing_cert.subject.native.get("common_name", ""),
            intact=bool(status.intact and status.valid),
            whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
            trusted=bool(status.trusted),
        )
