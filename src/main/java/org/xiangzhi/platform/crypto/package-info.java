/**
 * Personal-data protection behind {@link org.xiangzhi.platform.PersonalData}: the master
 * key and its HKDF sub-keys ({@code DataKeys}), AES-256-GCM encryption and the keyed
 * blind index ({@code AesGcmPersonalData}). Internal to the platform module.
 */
package org.xiangzhi.platform.crypto;
