package org.xiangzhi.platform.crypto;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiangzhi.platform.PersonalData;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The beans bind {@code xiangzhi.security.*} and fail start-up without a key. */
class PersonalDataWiringTests {

	@TempDir
	Path tempDir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PersonalDataConfiguration.class);

	@Test
	void bindsTheKeyProperty() {
		this.runner
			.withPropertyValues("xiangzhi.security.data-key=" + DataKeysTests.TEST_KEY,
					"xiangzhi.security.data-key-file=", "xiangzhi.security.lockout-failures=5")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(PersonalData.class);
				PersonalData data = context.getBean(PersonalData.class);
				assertThat(data.decrypt(data.encrypt("13812345678"))).isEqualTo("13812345678");
				PersonalData direct = new AesGcmPersonalData(
						new DataKeys(new DataKeyProperties(DataKeysTests.TEST_KEY, null)));
				assertThat(direct.decrypt(data.encrypt("张三"))).isEqualTo("张三");
			});
	}

	@Test
	void generatesTheKeyFileWhenOnlyTheFileIsSet() {
		Path file = this.tempDir.resolve("data/xiangzhi-data.key");
		this.runner.withPropertyValues("xiangzhi.security.data-key=", "xiangzhi.security.data-key-file=" + file)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(file).isRegularFile();
			});
	}

	@Test
	void failsStartUpWithoutAKey() {
		this.runner.withPropertyValues("xiangzhi.security.data-key=", "xiangzhi.security.data-key-file=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("XIANGZHI_DATA_KEY"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DataKeyProperties.class)
	@Import({ DataKeys.class, AesGcmPersonalData.class })
	static class PersonalDataConfiguration {

	}

}
