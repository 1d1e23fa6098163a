package org.xiangzhi.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the personal-data master key comes from. Only the two fields this package needs;
 * other {@code xiangzhi.security.*} settings are bound elsewhere.
 *
 * @param dataKey base64 of 32 random bytes ({@code XIANGZHI_DATA_KEY}); wins when set
 * @param dataKeyFile file holding such a key, generated on first use when missing (the
 * embedded default only; production leaves it empty)
 */
@ConfigurationProperties(prefix = "xiangzhi.security")
record DataKeyProperties(String dataKey, String dataKeyFile) {

	@Override
	public String toString() {
		return "DataKeyProperties[dataKey=" + (isBlank(this.dataKey) ? "<empty>" : "<set>") + ", dataKeyFile="
				+ this.dataKeyFile + "]";
	}

	static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
